import type { Kysely } from 'kysely';
import type { DB, Db } from '../../db/database.js';
import { inOrg, toBuffer } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { accessHash, keyedEntryHash } from './audit.canonical.js';
import { newEntryRow } from './audit.entries.js';
import { chainKey } from './audit.keys.js';
import * as repo from './audit.repository.js';
import { accessFields, accessMacHolds, auditFields, auditMacHolds } from './audit.rows.js';
import { CHAIN_KEYED_ACTION } from './audit.verify.js';

/** How many waiting rows of one chain one linking statement takes. */
export const LINK_BATCH = 2000;

export interface LinkResult {
  /** Audit entries and access rows linked. */
  audit: number;
  access: number;
  /** Rows whose own MAC did not verify: linked all the same (see below) and reported by `audit:verify`. */
  badMacs: number;
}

/**
 * Gives the organisation's waiting audit entries and access rows their places in its two keyed chains, in the
 * caller's transaction (scoped to the organisation): per chain, take the head, read the waiting rows in id
 * order, chain them exactly as entries were chained when requests did it (`keyedEntryHash`, `accessHash`:
 * sequence, previous hash, keyed hash) and move the head — after the head's locking read, two statements per
 * batch (the read of the waiting rows; their chain columns and the head, set in one statement). The head
 * stays locked until the caller commits, so two linkers never chain the same organisation at once: with
 * `skipLocked` (the background linker) a chain another transaction holds is left to it; without (before a
 * verification or an export) the linker waits for it and then links everything, in batches of `limit`.
 *
 * A row whose own MAC does not verify was edited after it was written. It is linked like any other — the
 * chain keeps protecting everything after it, and leaving it out would leave a hole — and `audit:verify`,
 * which checks every row's MAC whether linked or not, reports it; it is counted here so the caller can log it.
 */
export async function linkOrganisation(
  db: Db,
  keyring: Keyring,
  orgId: string,
  opts: { skipLocked: boolean; limit?: number },
): Promise<LinkResult> {
  const limit = opts.limit ?? LINK_BATCH;
  const result: LinkResult = { audit: 0, access: 0, badMacs: 0 };
  // The background linker takes one batch per chain and commits; an on-demand link drains the chain.
  const once = opts.skipLocked;
  const auditHead = await repo.claimHead(db, orgId, 'audit', opts);
  if (auditHead) {
    const head = { seq: auditHead.seq, hash: toBuffer(auditHead.hash), unkeyedUntil: auditHead.unkeyedUntil };
    while ((await linkAuditBatch(db, keyring, orgId, head, limit, result)) === limit && !once);
  }
  const accessHead = await repo.claimHead(db, orgId, 'access', opts);
  if (accessHead) {
    const head = { seq: accessHead.seq, hash: toBuffer(accessHead.hash) };
    while ((await linkAccessBatch(db, keyring, orgId, head, limit, result)) === limit && !once);
  }
  return result;
}

/** A chain's head as the linker holds it; moved in memory as batches are linked. */
interface Head {
  seq: number;
  hash: Buffer;
}

/** One batch of the audit chain; the head is held. Returns how many waiting rows it found. */
async function linkAuditBatch(
  db: Db,
  keyring: Keyring,
  orgId: string,
  head: Head & { unkeyedUntil: number },
  limit: number,
  result: LinkResult,
): Promise<number> {
  const rows = await repo.unlinkedEntries(db, orgId, limit);
  if (rows.length === 0) return 0;
  const key = await chainKey(keyring, db, orgId, 'audit');
  const entryKey = await chainKey(keyring, db, orgId, 'audit-entry');
  const waiting: (typeof rows)[number][] = [];
  // A chain begun before keyed chains gets one marker as its first keyed entry, naming the switch-over point:
  // moving that point to hide a rewrite would need a keyed marker at the new place, which nobody can forge.
  if (head.unkeyedUntil > 0 && head.seq === head.unkeyedUntil) {
    const marker = newEntryRow(entryKey, orgId, null, rows[0]!.at, {
      action: CHAIN_KEYED_ACTION,
      entity: 'audit_log',
      entityId: null,
      details: { unkeyedUntil: head.unkeyedUntil },
    });
    const id = await repo.insertEntryReturningId(db, marker);
    waiting.push({ ...marker, id, mac: marker.mac, details: marker.details });
  }
  waiting.push(...rows);
  let prev = head.hash;
  let seq = head.seq;
  const links: repo.Link[] = [];
  for (const r of waiting) {
    const own = auditFields(r);
    if (!auditMacHolds(entryKey, r)) {
      result.badMacs += 1;
    }
    seq += 1;
    const hash = keyedEntryHash(key, prev, { ...own, seq });
    links.push({ id: r.id, seq, prevHash: prev, hash });
    prev = hash;
  }
  await repo.linkRows(db, orgId, 'audit', links);
  head.seq = seq;
  head.hash = prev;
  result.audit += links.length;
  return rows.length;
}

/** One batch of the access chain; the head is held. */
async function linkAccessBatch(
  db: Db,
  keyring: Keyring,
  orgId: string,
  head: Head,
  limit: number,
  result: LinkResult,
): Promise<number> {
  const rows = await repo.unlinkedAccess(db, orgId, limit);
  if (rows.length === 0) return 0;
  const key = await chainKey(keyring, db, orgId, 'access');
  const entryKey = await chainKey(keyring, db, orgId, 'access-entry');
  let prev = head.hash;
  let seq = head.seq;
  const links: repo.Link[] = [];
  for (const r of rows) {
    const own = accessFields(r);
    if (!accessMacHolds(entryKey, r)) {
      result.badMacs += 1;
    }
    seq += 1;
    const hash = accessHash(key, prev, { ...own, seq });
    links.push({ id: r.id, seq, prevHash: prev, hash });
    prev = hash;
  }
  await repo.linkRows(db, orgId, 'access', links);
  head.seq = seq;
  head.hash = prev;
  result.access += links.length;
  return rows.length;
}

/**
 * One pass of the background linker: every organisation with waiting rows, one transaction per batch, so a
 * head is held for one batch at a time. Organisations another instance is linking are skipped (they are
 * linked there). Returns the totals, for the caller to log a MAC failure.
 */
export async function linkWaiting(db: Kysely<DB>, keyring: Keyring): Promise<LinkResult> {
  const total: LinkResult = { audit: 0, access: 0, badMacs: 0 };
  for (const orgId of await repo.listUnlinkedOrgs(db)) {
    for (;;) {
      const r = await inOrg(db, orgId, (trx) => linkOrganisation(trx, keyring, orgId, { skipLocked: true }));
      total.audit += r.audit;
      total.access += r.access;
      total.badMacs += r.badMacs;
      if (r.audit < LINK_BATCH && r.access < LINK_BATCH) break;
    }
  }
  return total;
}
