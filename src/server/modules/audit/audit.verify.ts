import type { AuditVerify, ChainProblem, ChainVerify, Checkpoint } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { accessHash, entryHash, GENESIS_HASH, keyedEntryHash } from './audit.canonical.js';
import { isAuthentic, signCheckpoint } from './audit.checkpoint.js';
import { chainKey } from './audit.keys.js';
import * as repo from './audit.repository.js';

const BATCH = 1000;

/** The action of the first keyed entry of a chain that began unkeyed; it names the switch-over point. */
export const CHAIN_KEYED_ACTION = 'audit.chain_keyed';

const intact = (checked: number): ChainVerify => ({ ok: true, checked, firstBrokenSeq: null, problem: null });
const broken = (checked: number, seq: number, problem: ChainProblem): ChainVerify => ({
  ok: false,
  checked,
  firstBrokenSeq: seq,
  problem,
});

/** Where a chain stands after verification: its head as recomputed, to compare and to checkpoint. */
interface Walked {
  result: ChainVerify;
  seq: number;
  head: Buffer;
}

/**
 * Recomputes the audit chain from the first entry: every hash (unkeyed up to the recorded switch-over point,
 * keyed after it), every link, no gaps, the switch-over marker, the head, and — when a checkpoint is given —
 * that the chain still reaches it with the same hash there.
 */
async function walkAudit(
  db: Db,
  orgId: string,
  key: Buffer,
  checkpoint: Checkpoint | undefined,
): Promise<Walked> {
  const head = await repo.findHead(db, orgId);
  const unkeyedUntil = head?.unkeyed_until ?? 0;
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const fail = (seq: number, problem: ChainProblem): Walked => ({
    result: broken(checked, seq, problem),
    seq: checked,
    head: prev,
  });
  if (checkpoint && checkpoint.unkeyedUntil !== unkeyedUntil) return fail(1, 'switch_mismatch');
  for (;;) {
    const rows = await repo.chainBatch(db, orgId, expectedSeq - 1, BATCH, headSeq);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return fail(expectedSeq, 'gap');
      if (!toBuffer(r.prev_hash).equals(prev)) return fail(r.seq, 'link_mismatch');
      const fields = {
        orgId: r.org_id,
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        changedFields: r.changed_fields,
        details: r.details,
      };
      const recomputed = r.seq <= unkeyedUntil ? entryHash(prev, fields) : keyedEntryHash(key, prev, fields);
      if (!recomputed.equals(toBuffer(r.hash))) return fail(r.seq, 'hash_mismatch');
      if (
        unkeyedUntil > 0 &&
        r.seq === unkeyedUntil + 1 &&
        (r.action !== CHAIN_KEYED_ACTION || r.details.unkeyedUntil !== unkeyedUntil)
      ) {
        return fail(r.seq, 'switch_mismatch');
      }
      if (
        checkpoint &&
        r.seq === checkpoint.auditSeq &&
        recomputed.toString('hex') !== checkpoint.auditHead
      ) {
        return fail(r.seq, 'checkpoint_mismatch');
      }
      prev = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (headSeq !== checked || (head && !toBuffer(head.hash).equals(prev))) {
    return fail(checked + 1, 'head_mismatch');
  }
  if (checkpoint && checked < checkpoint.auditSeq) return fail(checked + 1, 'truncated');
  if ((await repo.maxSeq(db, 'audit_log', orgId)) > ((await repo.findHead(db, orgId))?.seq ?? 0)) {
    return fail(checked + 1, 'head_mismatch');
  }
  return { result: intact(checked), seq: checked, head: prev };
}

/** The same for the access log: keyed from its first chained row. */
async function walkAccess(
  db: Db,
  orgId: string,
  key: Buffer,
  checkpoint: Checkpoint | undefined,
): Promise<Walked> {
  const head = await repo.findAccessHead(db, orgId);
  const headSeq = head?.seq ?? 0;
  let prev: Buffer = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const fail = (seq: number, problem: ChainProblem): Walked => ({
    result: broken(checked, seq, problem),
    seq: checked,
    head: prev,
  });
  for (;;) {
    const rows = await repo.accessChainBatch(db, orgId, expectedSeq - 1, BATCH, headSeq);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return fail(expectedSeq, 'gap');
      if (!r.prev_hash || !r.hash || !toBuffer(r.prev_hash).equals(prev))
        return fail(expectedSeq, 'link_mismatch');
      const recomputed = accessHash(key, prev, {
        orgId: r.org_id,
        seq: expectedSeq,
        at: r.at,
        actorId: r.actor_id,
        entity: r.entity,
        entityId: r.entity_id,
        purpose: r.purpose,
        outcome: r.outcome,
        reasonEnc: r.reason_enc ? toBuffer(r.reason_enc) : null,
      });
      if (!recomputed.equals(toBuffer(r.hash))) return fail(expectedSeq, 'hash_mismatch');
      if (
        checkpoint &&
        expectedSeq === checkpoint.accessSeq &&
        recomputed.toString('hex') !== checkpoint.accessHead
      ) {
        return fail(expectedSeq, 'checkpoint_mismatch');
      }
      prev = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (headSeq !== checked || (head && !toBuffer(head.hash).equals(prev))) {
    return fail(checked + 1, 'head_mismatch');
  }
  if (checkpoint && checked < checkpoint.accessSeq) return fail(checked + 1, 'truncated');
  if ((await repo.maxSeq(db, 'access_log', orgId)) > ((await repo.findAccessHead(db, orgId))?.seq ?? 0)) {
    return fail(checked + 1, 'head_mismatch');
  }
  return { result: intact(checked), seq: checked, head: prev };
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
  const auditWalk = await walkAudit(db, orgId, await chainKey(keyring, db, orgId, 'audit'), anchor);
  const accessWalk = await walkAccess(db, orgId, await chainKey(keyring, db, orgId, 'access'), anchor);
  const auditResult = badCheckpoint
    ? broken(auditWalk.result.checked, 0, 'checkpoint_invalid')
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
