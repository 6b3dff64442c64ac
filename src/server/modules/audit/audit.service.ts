import type { AuditEntry, AuditQuery, AuditVerify } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import type { AnyActor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { appendCheckpoint, fullWalkDue, readCheckpoints } from './audit.checkpoint.js';
import { newEntryRow, type AuditInput } from './audit.entries.js';
import { chainKey, keyringFor } from './audit.keys.js';
import { linkOrganisation } from './audit.linker.js';
import { authorizeAudit } from './audit.policy.js';
import * as repo from './audit.repository.js';
import { verifyOrganisation } from './audit.verify.js';

export { listAccessLog, recordAccess } from './access-log.service.js';

export type { AuditInput } from './audit.entries.js';

type AuditCtx = Pick<Ctx, 'db' | 'actor' | 'clock'> & { keyring?: Keyring };

/** An entry waiting in a transaction's batch: who and when are fixed when `audit` is called. */
interface Pending {
  actorId: string | null;
  at: Date;
  input: AuditInput;
}

/** The open batches, by transaction: `audit` inside `withAuditBatch` adds here instead of writing. */
const batches = new WeakMap<Db, Pending[]>();

/**
 * Records an entry in the organisation's audit log. Call it inside the transaction of the change it records:
 * both commit or neither does. The entry is written unchained, with its own keyed MAC (`entryMac`) and a random
 * entry id; no chain head is read or locked. The linker (`audit.linker.ts`) gives it its place in the keyed
 * chain shortly after it commits. The context's keyring is used when it has one (every request and job
 * context does), else the process's.
 *
 * Inside `withAuditBatch` the entry is only noted, and the whole batch is written at the batch's end.
 */
export async function audit(ctx: AuditCtx, input: AuditInput): Promise<void> {
  const entry = { actorId: actorIdOf(ctx.actor), at: atOf(ctx), input };
  const batch = batches.get(ctx.db);
  if (batch) batch.push(entry);
  else await writeEntries(ctx, [entry]);
}

/**
 * Runs `fn` with the audit entries it writes held back, then writes them all in one statement as the last
 * work of the transaction. With no chain head to lock this is only a saving of round trips: a write that
 * records several entries (intake records up to seven) sends one insert instead of one per entry. A
 * rolled-back write still leaves no entry, and a committed one all of its entries. Nested calls join the
 * outer batch.
 */
export async function withAuditBatch<T>(ctx: AuditCtx, fn: () => Promise<T>): Promise<T> {
  if (batches.has(ctx.db)) return fn();
  const batch: Pending[] = [];
  batches.set(ctx.db, batch);
  let value: T;
  try {
    value = await fn();
  } finally {
    batches.delete(ctx.db);
  }
  if (batch.length) await writeEntries(ctx, batch);
  return value;
}

function atOf(ctx: Pick<Ctx, 'clock'>): Date {
  // Millisecond precision survives the round trip through timestamptz, so the MAC and hash can be recomputed.
  return new Date(Math.max(ctx.clock.now().getTime(), 0));
}

/** Writes entries unchained, each with its own MAC, in one statement. */
async function writeEntries(ctx: AuditCtx, entries: Pending[]): Promise<void> {
  const orgId = ctx.actor.orgId;
  const key = await chainKey(keyringFor(ctx), ctx.db, orgId, 'audit-entry');
  await repo.insertEntries(
    ctx.db,
    entries.map((e) => newEntryRow(key, orgId, e.actorId, e.at, e.input)),
  );
}

function actorIdOf(actor: AnyActor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Links the organisation's waiting entries into both chains (unless `link` is false), then verifies both
 * chains — and every entry still waiting, by its own MAC — against its last checkpoint in `dataDir` and,
 * when all is intact and `write` is set, appends a new checkpoint there. Linking first makes the checkpoint
 * cover everything written up to now. The walk covers every entry, unless `walk` is `'as_due'` (the daily
 * job) and a full walk is not due yet (`fullWalkDue`): then only what came after the last checkpoint.
 */
export async function verifyAndCheckpoint(
  db: Db,
  keyring: Keyring,
  orgId: string,
  opts: { dataDir: string; now: Date; write: boolean; link?: boolean; walk?: 'full' | 'as_due' },
): Promise<AuditVerify> {
  if (opts.link !== false) await linkOrganisation(db, keyring, orgId, { skipLocked: false });
  const lines = readCheckpoints(opts.dataDir, orgId);
  const walk =
    opts.walk === 'as_due' && !fullWalkDue(await chainKey(keyring, db, orgId, 'checkpoint'), lines, opts.now)
      ? 'from_previous'
      : 'full';
  const result = await verifyOrganisation(db, keyring, orgId, lines.at(-1), opts.now, walk);
  if (opts.write && result.newCheckpoint) appendCheckpoint(opts.dataDir, result.newCheckpoint);
  return result;
}

/** The privacy officer's view of the audit log. */
export async function listAudit(
  ctx: Ctx,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  authorizeAudit(ctx.actor, 'audit.view');
  const rows = await repo.listEntries(ctx.db, ctx.actor.orgId, q);
  const page = rows.slice(0, q.limit);
  return { items: page.map(toAuditEntry), nextBefore: rows.length > q.limit ? page.at(-1)!.id : null };
}

export function toAuditEntry(r: Awaited<ReturnType<typeof repo.listEntries>>[number]): AuditEntry {
  return {
    id: r.id,
    seq: r.seq,
    linked: r.seq !== null,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changedFields: r.changed_fields,
    caseId: r.case_id,
    caseReference: r.case_reference,
  };
}

/**
 * The privacy officer verifies the organisation's chains on demand; `checkpoint` also writes a new signed
 * checkpoint (shown to them, to note down or print) when both are intact.
 */
export async function verifyOwnChain(
  ctx: Ctx,
  dataDir: string,
  opts: { checkpoint: boolean } = { checkpoint: false },
): Promise<AuditVerify> {
  authorizeAudit(ctx.actor, opts.checkpoint ? 'audit.checkpoint' : 'audit.verify');
  const result = await verifyAndCheckpoint(ctx.db, ctx.keyring, ctx.actor.orgId, {
    dataDir,
    now: ctx.clock.now(),
    write: opts.checkpoint,
  });
  await audit(ctx, {
    action: opts.checkpoint ? 'audit.checkpoint' : 'audit.verify',
    entity: 'audit_log',
    entityId: null,
    details: {
      ok: result.ok,
      checked: result.checked,
      accessChecked: result.accessLog.checked,
      ...(opts.checkpoint && result.newCheckpoint ? { checkpointSeq: result.newCheckpoint.auditSeq } : {}),
    },
  });
  return opts.checkpoint ? result : { ...result, newCheckpoint: null };
}

export async function listActors(ctx: Ctx): Promise<{ items: { id: string; displayName: string }[] }> {
  authorizeAudit(ctx.actor, 'audit.view');
  const rows = await repo.listActors(ctx.db, ctx.actor.orgId);
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
}
