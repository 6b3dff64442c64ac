import type { AccessEntry, AccessQuery } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import type { Ctx } from '../../lib/context.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { accessHash, GENESIS_HASH } from './audit.canonical.js';
import { chainKey, keyringFor } from './audit.keys.js';
import { authorizeAudit } from './audit.policy.js';
import * as repo from './audit.repository.js';

export interface AccessInput {
  entity: string;
  entityId: string;
  purpose: string;
  /** Free text a user gave to open a record that is not theirs; sealed before it is stored. */
  reason?: string | null;
  outcome?: 'read' | 'denied';
}

type AccessCtx = Pick<Ctx, 'db' | 'actor' | 'clock'> & { keyring?: Keyring };

interface Pending extends AccessInput {
  actorId: string;
  at: Date;
}

/** Rows recorded inside a request's transaction, written together when the request's work is done. */
const batches = new WeakMap<Db, Pending[]>();

/**
 * Collects the access rows of one transaction instead of writing each at once: the chain head is then locked
 * once, briefly, at the very end (after any audit-head lock, so the two are always taken in the same order),
 * and a route's declared row is not written twice when its service already recorded the read.
 */
export function beginAccessBatch(db: Db): void {
  batches.set(db, []);
}

/** How many rows the transaction has recorded so far. */
export function accessRecorded(db: Db): number {
  return batches.get(db)?.length ?? 0;
}

/** Writes the rows collected since `beginAccessBatch`, chained, in one statement after the head lock. */
export async function flushAccessBatch(ctx: AccessCtx): Promise<void> {
  const rows = batches.get(ctx.db);
  batches.delete(ctx.db);
  if (rows && rows.length > 0) await appendAccess(ctx, rows);
}

/**
 * Records a read of a protected record (or a refused attempt): who, which record, when and why. Inside a
 * request it joins the request's batch; elsewhere it is written at once.
 */
export async function recordAccess(ctx: AccessCtx, input: AccessInput): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  const row: Pending = { ...input, actorId: ctx.actor.userId, at: ctx.clock.now() };
  const batch = batches.get(ctx.db);
  if (!batch) return appendAccess(ctx, [row]);
  const same = batch.some(
    (p) =>
      p.entity === row.entity &&
      p.entityId === row.entityId &&
      p.purpose === row.purpose &&
      (p.outcome ?? 'read') === (row.outcome ?? 'read') &&
      (p.reason ?? null) === (row.reason ?? null),
  );
  if (!same) batch.push(row);
}

async function appendAccess(ctx: AccessCtx, rows: Pending[]): Promise<void> {
  const orgId = ctx.actor.orgId;
  const keyring = keyringFor(ctx);
  // The key first (it may need a look-up), the head lock last: other readers queue on it until commit.
  const key = await chainKey(keyring, ctx.db, orgId, 'access');
  const head = await repo.lockAccessHead(ctx.db, orgId);
  let prev = head ? toBuffer(head.hash) : GENESIS_HASH;
  let seq = head?.seq ?? 0;
  const out: repo.AccessRow[] = [];
  for (const r of rows) {
    seq += 1;
    // Millisecond precision survives timestamptz, so the hash can be recomputed.
    const at = new Date(Math.max(r.at.getTime(), 0));
    const reasonEnc = r.reason ? await keyring.encrypt(ctx.db, orgId, reasonField(seq), r.reason) : null;
    const outcome = r.outcome ?? 'read';
    const hash = accessHash(key, prev, {
      orgId,
      seq,
      at,
      actorId: r.actorId,
      entity: r.entity,
      entityId: r.entityId,
      purpose: r.purpose,
      outcome,
      reasonEnc,
    });
    out.push({
      org_id: orgId,
      seq,
      at,
      actor_id: r.actorId,
      entity: r.entity,
      entity_id: r.entityId,
      purpose: r.purpose,
      outcome,
      reason_enc: reasonEnc,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  await repo.appendAccess(ctx.db, orgId, out, !head);
}

/** A sealed reason is bound to its organisation, column and place in the chain. */
function reasonField(seq: number) {
  return { table: 'access_log', column: 'reason', id: String(seq) };
}

/** The privacy officer's view of the access log; sealed reasons are opened for display only. */
export async function listAccessLog(
  ctx: Ctx,
  q: AccessQuery,
): Promise<{ items: AccessEntry[]; nextBefore: number | null }> {
  authorizeAudit(ctx.actor, 'access.view');
  const rows = await repo.listAccess(ctx.db, ctx.actor.orgId, q);
  const page = rows.slice(0, q.limit);
  const items = await Promise.all(page.map((r) => toAccessEntry(ctx, r)));
  return { items, nextBefore: rows.length > q.limit ? page.at(-1)!.id : null };
}

/** One access row as the privacy officer sees it, with its reason opened. */
export async function toAccessEntry(
  ctx: Ctx,
  r: Awaited<ReturnType<typeof repo.listAccess>>[number],
): Promise<AccessEntry> {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
    reason:
      r.reason_enc && r.seq !== null
        ? await ctx.keyring.decrypt(ctx.db, ctx.actor.orgId, reasonField(r.seq), r.reason_enc)
        : r.reason,
    caseId: r.case_id,
    caseReference: r.case_reference,
  };
}
