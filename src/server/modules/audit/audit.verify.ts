import type { AuditVerify, ChainProblem, ChainVerify, Checkpoint } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { accessHash, entryHash, GENESIS_HASH, keyedEntryHash } from './audit.canonical.js';
import { isAuthentic, signCheckpoint } from './audit.checkpoint.js';
import { chainKey } from './audit.keys.js';
import * as repo from './audit.repository.js';
import { accessFields, accessMacHolds, auditFields, auditMacHolds } from './audit.rows.js';

const BATCH = 1000;

/** The action of the first keyed entry of a chain that began unkeyed; it names the switch-over point. */
export const CHAIN_KEYED_ACTION = 'audit.chain_keyed';

const broken = (
  checked: number,
  waiting: number,
  seq: number | null,
  id: number | null,
  problem: ChainProblem,
): ChainVerify => ({ ok: false, checked, waiting, firstBrokenSeq: seq, firstBrokenId: id, problem });

/** Where a chain stands after verification: its head as recomputed, to compare and to checkpoint. */
interface Walked {
  result: ChainVerify;
  seq: number;
  head: Buffer;
}

/** The keys one log is checked with: the chain key and the key of the entries' own MACs. */
interface Keys {
  chain: Buffer;
  entry: Buffer;
}

/**
 * Recomputes the audit chain from the first entry: every hash (unkeyed up to the recorded switch-over point,
 * keyed after it), every link, no gaps, the switch-over marker, the head, and — when a checkpoint is given —
 * that the chain still reaches it with the same hash there. Every entry written with its own MAC (all since
 * 0033) is also checked against it, linked or not: an entry edited before the linker took it shows here
 * even though its chain hash was computed over the edit. Then the entries still waiting for the linker, by
 * their MACs, and that no two rows share an entry id (a copied entry).
 */
async function walkAudit(
  db: Db,
  orgId: string,
  keys: Keys,
  checkpoint: Checkpoint | undefined,
): Promise<Walked> {
  const head = await repo.findHead(db, orgId);
  const unkeyedUntil = head?.unkeyed_until ?? 0;
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let waiting = 0;
  const fail = (seq: number | null, problem: ChainProblem, id: number | null = null): Walked => ({
    result: broken(checked, waiting, seq, id, problem),
    seq: expectedSeq - 1,
    head: prev,
  });
  if (checkpoint && checkpoint.unkeyedUntil !== unkeyedUntil) return fail(1, 'switch_mismatch');
  for (;;) {
    const rows = await repo.chainBatch(db, orgId, expectedSeq - 1, BATCH, headSeq);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return fail(expectedSeq, 'gap');
      if (!r.prev_hash || !r.hash || !toBuffer(r.prev_hash).equals(prev)) {
        return fail(r.seq, 'link_mismatch', r.id);
      }
      const fields = { ...auditFields(r), seq: r.seq };
      const recomputed =
        r.seq <= unkeyedUntil ? entryHash(prev, fields) : keyedEntryHash(keys.chain, prev, fields);
      if (!recomputed.equals(toBuffer(r.hash))) return fail(r.seq, 'hash_mismatch', r.id);
      if (r.mac && !auditMacHolds(keys.entry, r)) {
        return fail(r.seq, 'hash_mismatch', r.id);
      }
      if (
        unkeyedUntil > 0 &&
        r.seq === unkeyedUntil + 1 &&
        (r.action !== CHAIN_KEYED_ACTION || r.details.unkeyedUntil !== unkeyedUntil)
      ) {
        return fail(r.seq, 'switch_mismatch', r.id);
      }
      if (
        checkpoint &&
        r.seq === checkpoint.auditSeq &&
        recomputed.toString('hex') !== checkpoint.auditHead
      ) {
        return fail(r.seq, 'checkpoint_mismatch', r.id);
      }
      prev = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const linked = checked;
  if (headSeq !== linked || (head && !toBuffer(head.hash).equals(prev))) {
    return fail(linked + 1, 'head_mismatch');
  }
  if (checkpoint && linked < checkpoint.auditSeq) return fail(linked + 1, 'truncated');
  if ((await repo.maxSeq(db, 'audit_log', orgId)) > ((await repo.findHead(db, orgId))?.seq ?? 0)) {
    return fail(linked + 1, 'head_mismatch');
  }
  for (let afterId = 0; ;) {
    const rows = await repo.unchainedEntries(db, orgId, afterId, BATCH);
    for (const r of rows) {
      if (!auditMacHolds(keys.entry, r)) {
        return fail(null, 'hash_mismatch', r.id);
      }
      checked += 1;
      waiting += 1;
      afterId = r.id;
    }
    if (rows.length < BATCH) break;
  }
  const copy = await repo.findDuplicateEntry(db, 'audit_log', orgId);
  if (copy) return fail(copy.seq, 'duplicate', copy.id);
  return { result: intact(checked, waiting), seq: linked, head: prev };
}

const intact = (checked: number, waiting: number): ChainVerify => ({
  ok: true,
  checked,
  waiting,
  firstBrokenSeq: null,
  firstBrokenId: null,
  problem: null,
});

/**
 * The same for the access log: keyed from its first chained row; rows written with their own MAC (since
 * 0033) checked against it, linked or waiting. Rows from before the access log was chained (no place, no
 * MAC) are outside both, as before.
 */
async function walkAccess(
  db: Db,
  orgId: string,
  keys: Keys,
  checkpoint: Checkpoint | undefined,
): Promise<Walked> {
  const head = await repo.findAccessHead(db, orgId);
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let waiting = 0;
  const fail = (seq: number | null, problem: ChainProblem, id: number | null = null): Walked => ({
    result: broken(checked, waiting, seq, id, problem),
    seq: expectedSeq - 1,
    head: prev,
  });
  for (;;) {
    const rows = await repo.accessChainBatch(db, orgId, expectedSeq - 1, BATCH, headSeq);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return fail(expectedSeq, 'gap');
      if (!r.prev_hash || !r.hash || !toBuffer(r.prev_hash).equals(prev))
        return fail(expectedSeq, 'link_mismatch', r.id);
      const own = accessFields(r);
      const recomputed = accessHash(keys.chain, prev, { ...own, seq: expectedSeq });
      if (!recomputed.equals(toBuffer(r.hash))) return fail(expectedSeq, 'hash_mismatch', r.id);
      if (r.mac && !accessMacHolds(keys.entry, r)) {
        return fail(expectedSeq, 'hash_mismatch', r.id);
      }
      if (
        checkpoint &&
        expectedSeq === checkpoint.accessSeq &&
        recomputed.toString('hex') !== checkpoint.accessHead
      ) {
        return fail(expectedSeq, 'checkpoint_mismatch', r.id);
      }
      prev = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const linked = checked;
  if (headSeq !== linked || (head && !toBuffer(head.hash).equals(prev))) {
    return fail(linked + 1, 'head_mismatch');
  }
  if (checkpoint && linked < checkpoint.accessSeq) return fail(linked + 1, 'truncated');
  if ((await repo.maxSeq(db, 'access_log', orgId)) > ((await repo.findAccessHead(db, orgId))?.seq ?? 0)) {
    return fail(linked + 1, 'head_mismatch');
  }
  for (let afterId = 0; ;) {
    const rows = await repo.unlinkedAccess(db, orgId, BATCH, afterId);
    for (const r of rows) {
      if (!accessMacHolds(keys.entry, r)) {
        return fail(null, 'hash_mismatch', r.id);
      }
      checked += 1;
      waiting += 1;
      afterId = r.id;
    }
    if (rows.length < BATCH) break;
  }
  const copy = await repo.findDuplicateEntry(db, 'access_log', orgId);
  if (copy) return fail(copy.seq, 'duplicate', copy.id);
  return { result: intact(checked, waiting), seq: linked, head: prev };
}

/**
 * Verifies both chains of one organisation against its last checkpoint (if any), and signs a new checkpoint
 * when — and only when — both are intact: a tampered chain is never blessed.
 */
export async function verifyOrganisation(
  db: Db,
  keyring: Keyring,
  orgId: string,
  last: Checkpoint | 'unreadable' | undefined,
  now: Date,
): Promise<AuditVerify> {
  const checkpointKey = await chainKey(keyring, db, orgId, 'checkpoint');
  const badCheckpoint = last === 'unreadable' || (last !== undefined && !isAuthentic(checkpointKey, last));
  const anchor = last === 'unreadable' || badCheckpoint ? undefined : last;
  const keysOf = async (chain: 'audit' | 'access'): Promise<Keys> => ({
    chain: await chainKey(keyring, db, orgId, chain),
    entry: await chainKey(keyring, db, orgId, chain === 'audit' ? 'audit-entry' : 'access-entry'),
  });
  const auditWalk = await walkAudit(db, orgId, await keysOf('audit'), anchor);
  const accessWalk = await walkAccess(db, orgId, await keysOf('access'), anchor);
  const auditResult = badCheckpoint
    ? broken(auditWalk.result.checked, auditWalk.result.waiting, 0, null, 'checkpoint_invalid')
    : auditWalk.result;
  const ok = auditResult.ok && accessWalk.result.ok;
  const head = await repo.findHead(db, orgId);
  return {
    ...auditResult,
    ok,
    accessLog: accessWalk.result,
    checkpoint: anchor ?? null,
    newCheckpoint: ok
      ? signCheckpoint(checkpointKey, {
          organisationId: orgId,
          at: now.toISOString(),
          auditSeq: auditWalk.seq,
          auditHead: auditWalk.head.toString('hex'),
          unkeyedUntil: head?.unkeyed_until ?? 0,
          accessSeq: accessWalk.seq,
          accessHead: accessWalk.head.toString('hex'),
        })
      : null,
  };
}
