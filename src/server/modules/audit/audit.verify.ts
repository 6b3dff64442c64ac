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

/** Where a walk begins: the first entry (from the genesis hash), or just after a checkpoint's place. */
interface Start {
  seq: number;
  head: Buffer;
}
const FROM_GENESIS: Start = { seq: 0, head: GENESIS_HASH };

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
  start: Start = FROM_GENESIS,
): Promise<Walked> {
  const head = await repo.findHead(db, orgId);
  const unkeyedUntil = head?.unkeyed_until ?? 0;
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = start.head;
  let expectedSeq = start.seq + 1;
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
  const linked = expectedSeq - 1;
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
  start: Start = FROM_GENESIS,
): Promise<Walked> {
  const head = await repo.findAccessHead(db, orgId);
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = start.head;
  let expectedSeq = start.seq + 1;
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
  const linked = expectedSeq - 1;
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
 * Where a walk may resume instead of starting from the first entry: just after the checkpoint's place, if the
 * chain still holds exactly that many linked entries up to it and the one at its place still has the hash the
 * checkpoint signed. Undefined if either fails; the full walk then says what and where.
 */
async function resumeAt(
  db: Db,
  table: 'audit_log' | 'access_log',
  orgId: string,
  seq: number,
  headHex: string,
): Promise<Start | undefined> {
  const head = Buffer.from(headHex, 'hex');
  if ((await repo.countLinkedUpTo(db, table, orgId, seq)) !== seq) return undefined;
  if (seq === 0) return head.equals(GENESIS_HASH) ? { seq, head } : undefined;
  const stored = await repo.hashAt(db, table, orgId, seq);
  return stored && toBuffer(stored).equals(head) ? { seq, head } : undefined;
}

/**
 * Verifies both chains of one organisation against its last checkpoint (if any), and signs a new checkpoint
 * when — and only when — both are intact: a tampered chain is never blessed.
 *
 * With `walk: 'from_previous'` (the daily job between full walks) and an authentic last checkpoint, the walk
 * re-hashes only the entries after it, having checked that the chain still holds exactly as many linked
 * entries up to the checkpoint and still has the signed hash at its place. That catches a cut, a deleted or
 * inserted linked entry and any rewrite of the chain behind the checkpoint; what it does not look at is the
 * content of entries behind it, which the next full walk (at least weekly, and every on-demand verification)
 * re-hashes. Whenever the shorter walk finds anything wrong, the full walk runs and gives the verdict.
 */
export async function verifyOrganisation(
  db: Db,
  keyring: Keyring,
  orgId: string,
  last: Checkpoint | 'unreadable' | undefined,
  now: Date,
  walk: 'full' | 'from_previous' = 'full',
): Promise<AuditVerify> {
  const checkpointKey = await chainKey(keyring, db, orgId, 'checkpoint');
  const badCheckpoint = last === 'unreadable' || (last !== undefined && !isAuthentic(checkpointKey, last));
  const anchor = last === 'unreadable' || badCheckpoint ? undefined : last;
  const keysOf = async (chain: 'audit' | 'access'): Promise<Keys> => ({
    chain: await chainKey(keyring, db, orgId, chain),
    entry: await chainKey(keyring, db, orgId, chain === 'audit' ? 'audit-entry' : 'access-entry'),
  });
  const auditKeys = await keysOf('audit');
  const accessKeys = await keysOf('access');
  let walked: 'full' | 'from_previous' = 'full';
  let auditWalk: Walked | undefined;
  let accessWalk: Walked | undefined;
  if (walk === 'from_previous' && anchor) {
    const auditStart = await resumeAt(db, 'audit_log', orgId, anchor.auditSeq, anchor.auditHead);
    const accessStart = await resumeAt(db, 'access_log', orgId, anchor.accessSeq, anchor.accessHead);
    if (auditStart && accessStart) {
      const a = await walkAudit(db, orgId, auditKeys, anchor, auditStart);
      const b = await walkAccess(db, orgId, accessKeys, anchor, accessStart);
      if (a.result.ok && b.result.ok) [auditWalk, accessWalk, walked] = [a, b, 'from_previous'];
    }
  }
  auditWalk ??= await walkAudit(db, orgId, auditKeys, anchor);
  accessWalk ??= await walkAccess(db, orgId, accessKeys, anchor);
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
          walk: walked,
        })
      : null,
  };
}
