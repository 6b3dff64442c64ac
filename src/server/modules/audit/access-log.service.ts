import { randomUUID } from 'node:crypto';
import type { AccessEntry, AccessQuery } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import type { Ctx } from '../../lib/context.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { accessEntryMac } from './audit.canonical.js';
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
 * Collects the access rows of one transaction instead of writing each at once: they are then written in one
 * statement at the very end, and a route's declared row is not written twice when its service already
 * recorded the read.
 */
export function beginAccessBatch(db: Db): void {
  batches.set(db, []);
}

/** How many rows the transaction has recorded so far. */
export function accessRecorded(db: Db): number {
  return batches.get(db)?.length ?? 0;
}

/** Writes the rows collected since `beginAccessBatch`, unchained, in one statement. */
export async function flushAccessBatch(ctx: AccessCtx): Promise<void> {
  const rows = batches.get(ctx.db);
  batches.delete(ctx.db);
  if (rows && rows.length > 0) await appendAccess(ctx, rows);
}

/**
 * Records a read of a protected record (or a refused attempt): who, which record, when and why. Inside a
 * request it joins the request's batch; elsewhere it is written at once. Either way the row is written
 * unchained with its own keyed MAC, and no chain head is read or locked: the linker (`audit.linker.ts`)
 * gives it its place in the organisation's access chain shortly after it commits.
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
  const key = await chainKey(keyring, ctx.db, orgId, 'access-entry');
  const out: repo.NewAccessRow[] = [];
  for (const r of rows) {
    const entry = randomUUID();
    // Millisecond precision survives timestamptz, so the MAC and hash can be recomputed.
    const at = new Date(Math.max(r.at.getTime(), 0));
    const reasonEnc = r.reason ? await keyring.encrypt(ctx.db, orgId, reasonField(entry), r.reason) : null;
    const outcome = r.outcome ?? 'read';
    const mac = accessEntryMac(key, {
      orgId,
      entry,
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
      entry,
      at,
      actor_id: r.actorId,
      entity: r.entity,
      entity_id: r.entityId,
      purpose: r.purpose,
      outcome,
      reason_enc: reasonEnc,
      mac,
    });
  }
  await repo.insertAccess(ctx.db, out);
}

/**
 * A sealed reason is bound to its organisation, column and row: to the row's entry id, or for rows written
 * before 0033 to their place in the chain.
 */
function reasonField(entryOrSeq: string | number) {
  return { table: 'access_log', column: 'reason', id: String(entryOrSeq) };
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
  const binding = r.entry ?? r.seq;
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
      r.reason_enc && binding !== null
        ? await ctx.keyring.decrypt(ctx.db, ctx.actor.orgId, reasonField(binding), r.reason_enc)
        : r.reason,
    linked: r.seq !== null,
    caseId: r.case_id,
    caseReference: r.case_reference,
  };
}
