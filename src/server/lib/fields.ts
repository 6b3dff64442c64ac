import type { Db } from '../db/database.js';
import type { Keyring } from './crypto/keyring.js';

/** What sealing a field needs: the transaction, the keys, and whose organisation it is. */
export interface SealCtx {
  db: Db;
  keyring: Keyring;
  actor: { orgId: string };
}

/** Encrypts free text for one column of one row; the ciphertext cannot be moved to another row or column. */
export function sealText(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  text: string,
): Promise<Buffer> {
  return ctx.keyring.encrypt(ctx.db, ctx.actor.orgId, { table, column, id }, text);
}

export function openText(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  sealed: Uint8Array,
): Promise<string> {
  return ctx.keyring.decrypt(ctx.db, ctx.actor.orgId, { table, column, id }, sealed);
}

export async function openOptional(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  sealed: Uint8Array | null,
): Promise<string> {
  return sealed ? openText(ctx, table, column, id, sealed) : '';
}

/** Encrypts a binary value (a signed form, a drawn signature) bound to one column of one row. */
export function sealBytes(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  bytes: Buffer,
): Promise<Buffer> {
  return ctx.keyring.encryptBytes(ctx.db, ctx.actor.orgId, { table, column, id }, bytes);
}

export function openBytes(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  sealed: Uint8Array,
): Promise<Buffer> {
  return ctx.keyring.decryptBytes(ctx.db, ctx.actor.orgId, { table, column, id }, sealed);
}

/** Seals optional free text: an empty value is stored as null, so "nothing written" needs no key. */
export async function sealOptional(
  ctx: SealCtx,
  table: string,
  column: string,
  id: string,
  text: string,
): Promise<Buffer | null> {
  return text ? sealText(ctx, table, column, id, text) : null;
}

/**
 * Opens one column of many rows at once (e.g. every counsellor of a shortlist), keyed by row id. The data key
 * is loaded once and cached; rows without a value are left out.
 */
export async function openMany(
  ctx: SealCtx,
  table: string,
  column: string,
  rows: readonly { id: string; sealed: Uint8Array | null }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of rows) if (r.sealed) out.set(r.id, await openText(ctx, table, column, r.id, r.sealed));
  return out;
}
