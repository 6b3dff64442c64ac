import type {
  AccessEntry,
  AccessQuery,
  AuditEntry,
  AuditQuery,
  AuditVerify,
} from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import type { AnyActor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { entryHash, GENESIS_HASH } from './audit.canonical.js';
import { authorizeAudit } from './audit.policy.js';
import * as repo from './audit.repository.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | null;
  /** Names of the fields that changed; their values are never recorded here. */
  changedFields?: string[];
  /** Non-sensitive facts only (e.g. a role name); never personal data or case content. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Appends an entry to the organisation's hash chain. Call it inside the transaction of the change it
 * records: both commit or neither does.
 */
export async function audit(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, input: AuditInput): Promise<void> {
  const orgId = ctx.actor.orgId;
  const head = await repo.lockHead(ctx.db, orgId);
  const prevHash = head ? toBuffer(head.hash) : GENESIS_HASH;
  const seq = (head?.seq ?? 0) + 1;
  // Millisecond precision survives the round trip through timestamptz, so the hash can be recomputed.
  const at = new Date(Math.max(ctx.clock.now().getTime(), 0));
  const fields = {
    orgId,
    seq,
    at,
    actorId: actorIdOf(ctx.actor),
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    changedFields: [...(input.changedFields ?? [])].sort(),
    details: input.details ?? {},
  };
  const hash = entryHash(prevHash, fields);
  await repo.insertEntry(ctx.db, {
    org_id: orgId,
    seq,
    at,
    actor_id: fields.actorId,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    changed_fields: fields.changedFields,
    details: fields.details,
    prev_hash: prevHash,
    hash,
  });
  if (head) await repo.updateHead(ctx.db, orgId, seq, hash);
  else await repo.insertHead(ctx.db, orgId, seq, hash);
}

function actorIdOf(actor: AnyActor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Records a read of a protected record: who, which record, when and why. Every module that shows personal
 * data or case content calls this when it returns a record.
 */
export async function recordAccess(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  input: { entity: string; entityId: string; purpose: string; reason?: string | null },
): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  await repo.insertAccess(ctx.db, {
    org_id: ctx.actor.orgId,
    at: ctx.clock.now(),
    actor_id: ctx.actor.userId,
    entity: input.entity,
    entity_id: input.entityId,
    purpose: input.purpose,
    reason: input.reason ?? null,
  });
}

const BATCH = 1000;

/**
 * Recomputes the organisation's chain from the first entry: every hash, every link, no gaps, and the last
 * entry matches the head. An edited, deleted or appended-behind-our-back entry is found.
 */
export async function verifyChain(db: Db, orgId: string): Promise<AuditVerify> {
  let prev: Buffer = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await repo.chainBatch(db, orgId, expectedSeq - 1, BATCH);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return broken(checked, expectedSeq, 'gap');
      if (!toBuffer(r.prev_hash).equals(prev)) return broken(checked, r.seq, 'link_mismatch');
      const recomputed = entryHash(prev, {
        orgId: r.org_id,
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        changedFields: r.changed_fields,
        details: r.details,
      });
      if (!recomputed.equals(toBuffer(r.hash))) return broken(checked, r.seq, 'hash_mismatch');
      prev = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await repo.findHead(db, orgId);
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && !toBuffer(head.hash).equals(prev))) {
    return broken(checked, headSeq > checked ? checked + 1 : headSeq, 'head_mismatch');
  }
  return { ok: true, checked, firstBrokenSeq: null, problem: null };
}

function broken(checked: number, seq: number, problem: NonNullable<AuditVerify['problem']>): AuditVerify {
  return { ok: false, checked, firstBrokenSeq: seq, problem };
}

/** The privacy officer's view of the audit log. */
export async function listAudit(
  ctx: Ctx,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  authorizeAudit(ctx.actor, 'audit.view');
  const rows = await repo.listEntries(ctx.db, ctx.actor.orgId, q);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      changedFields: r.changed_fields,
    })),
    nextBefore: rows.length > q.limit ? page.at(-1)!.seq : null,
  };
}

export async function verifyOwnChain(ctx: Ctx): Promise<AuditVerify> {
  authorizeAudit(ctx.actor, 'audit.verify');
  const result = await verifyChain(ctx.db, ctx.actor.orgId);
  await audit(ctx, {
    action: 'audit.verify',
    entity: 'audit_log',
    entityId: null,
    details: { ok: result.ok, checked: result.checked },
  });
  return result;
}

export async function listAccessLog(
  ctx: Ctx,
  q: AccessQuery,
): Promise<{ items: AccessEntry[]; nextBefore: number | null }> {
  authorizeAudit(ctx.actor, 'access.view');
  const rows = await repo.listAccess(ctx.db, ctx.actor.orgId, q);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      purpose: r.purpose,
      reason: r.reason,
    })),
    nextBefore: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}

export async function listActors(ctx: Ctx): Promise<{ items: { id: string; displayName: string }[] }> {
  authorizeAudit(ctx.actor, 'audit.view');
  const rows = await repo.listActors(ctx.db, ctx.actor.orgId);
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
}
