import { createHash, createHmac } from 'node:crypto';

/** The fields of an audit entry that the hash covers, in a fixed order. */
export interface ChainedFields {
  orgId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  details: Record<string, unknown>;
}

export const GENESIS_HASH = Buffer.alloc(32, 0);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryBody(e: ChainedFields): string {
  return canonicalJson({
    org: e.orgId,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    changed: e.changedFields,
    details: e.details,
  });
}

/**
 * The unkeyed hash of entries written before the chain was keyed: SHA-256 over the previous entry's hash and
 * this entry's canonical form. Anyone can recompute it, so it is only checked up to the switch-over point.
 */
export function entryHash(prevHash: Buffer, e: ChainedFields): Buffer {
  return createHash('sha256').update(prevHash).update(entryBody(e), 'utf8').digest();
}

/**
 * HMAC-SHA256 with the organisation's chain key over the previous entry's hash and this entry's canonical
 * form. The key never reaches the database, so an owner who edits a row cannot recompute the chain.
 */
export function keyedEntryHash(key: Buffer, prevHash: Buffer, e: ChainedFields): Buffer {
  return createHmac('sha256', key).update(prevHash).update(entryBody(e), 'utf8').digest();
}

/** The fields of an access-log row that its chain hash covers. */
export interface AccessChainedFields {
  orgId: string;
  seq: number;
  at: Date;
  actorId: string;
  entity: string;
  entityId: string;
  purpose: string;
  outcome: string;
  /** The sealed reason (iv | tag | ciphertext), so the hash is checked without decrypting. */
  reasonEnc: Buffer | null;
}

/** HMAC-SHA256 with the organisation's access-chain key over the previous row's hash and this row. */
export function accessHash(key: Buffer, prevHash: Buffer, e: AccessChainedFields): Buffer {
  const body = canonicalJson({
    org: e.orgId,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actorId,
    entity: e.entity,
    entityId: e.entityId,
    purpose: e.purpose,
    outcome: e.outcome,
    reason: e.reasonEnc ? e.reasonEnc.toString('base64') : null,
  });
  return createHmac('sha256', key).update(prevHash).update(body, 'utf8').digest();
}

/**
 * The fields of an audit entry that its own MAC covers: those of the chain hash, with the writer's random
 * `entry` id in place of the chain place (which is not known until the linker sets it).
 */
export type EntryFields = Omit<ChainedFields, 'seq'> & { entry: string };

/**
 * HMAC-SHA256 with the organisation's entry key (not the chain key) over the entry's canonical form: the
 * entry is authenticated from the moment it is written, before the linker gives it a place in the chain.
 */
export function entryMac(key: Buffer, e: EntryFields): Buffer {
  const body = canonicalJson({
    org: e.orgId,
    entry: e.entry,
    at: e.at.toISOString(),
    actor: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    changed: e.changedFields,
    details: e.details,
  });
  return createHmac('sha256', key).update(body, 'utf8').digest();
}

/** The fields of an access-log row that its own MAC covers. */
export type AccessEntryFields = Omit<AccessChainedFields, 'seq'> & { entry: string };

/** The same for an access-log row, under the organisation's access-entry key. */
export function accessEntryMac(key: Buffer, e: AccessEntryFields): Buffer {
  const body = canonicalJson({
    org: e.orgId,
    entry: e.entry,
    at: e.at.toISOString(),
    actor: e.actorId,
    entity: e.entity,
    entityId: e.entityId,
    purpose: e.purpose,
    outcome: e.outcome,
    reason: e.reasonEnc ? e.reasonEnc.toString('base64') : null,
  });
  return createHmac('sha256', key).update(body, 'utf8').digest();
}
