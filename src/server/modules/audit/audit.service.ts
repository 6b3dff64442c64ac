import type { AuditEntry, AuditQuery, AuditVerify } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import type { AnyActor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { GENESIS_HASH, keyedEntryHash } from './audit.canonical.js';
import { appendCheckpoint, readLastCheckpoint } from './audit.checkpoint.js';
import { chainKey, keyringFor } from './audit.keys.js';
import { authorizeAudit } from './audit.policy.js';
import * as repo from './audit.repository.js';
import { CHAIN_KEYED_ACTION, verifyOrganisation } from './audit.verify.js';

export { listAccessLog, recordAccess } from './access-log.service.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | null;
  /** Names of the fields that changed; their values are never recorded here. */
  changedFields?: string[];
  /** Non-sensitive facts only (e.g. a role name); never personal data or case content. */
  details?: Record<string, string | number | boolean | null>;
}

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
 * Appends an entry to the organisation's keyed hash chain. Call it inside the transaction of the change it
 * records: both commit or neither does. The context's keyring is used when it has one (every request and
 * job context does), else the process's.
 *
 * Inside `withAuditBatch` the entry is only noted, and the whole batch is chained at the batch's end.
 */
export async function audit(ctx: AuditCtx, input: AuditInput): Promise<void> {
  const entry = { actorId: actorIdOf(ctx.actor), at: atOf(ctx), input };
  const batch = batches.get(ctx.db);
  if (batch) batch.push(entry);
  else await appendToChain(ctx, [entry]);
}

/**
 * Runs `fn` with the audit entries it writes held back, then chains them all at once, as the last work of
 * the transaction (one lock of the chain head, one statement for every entry and the new head).
 *
 * The chain head is the one row every write of an organisation must lock, and the lock lasts until commit.
 * Taken at the first `audit` call, it made every later statement of a write (inserts, look-ups, further
 * entries) wait time for all other writers of the organisation; taken here, a writer holds it for two round
 * trips and its commit. Nothing reads the audit log back inside a write, so holding entries back changes
 * nothing but their timing; a rolled-back write still leaves no entry, and a committed one all of its entries.
 * Nested calls join the outer batch.
 *
 * Used by intake (the busiest write); wrapping every request transaction in it (lib/request-context.ts) would
 * give every write the same short hold. What it cannot remove is the hold itself — two round trips and the
 * commit's WAL flush per write, serial per organisation. The next step, not built: writes append entries
 * unchained to a pending table, each with an HMAC over its own fields (so an edit before linking is caught);
 * one linker at a time (the head lock) moves them in id order into `audit_log`, chained as now, in batches,
 * and the request waits for the batch holding its entries, so the log is still read-your-writes.
 * `audit:verify` walks the chain as now and checks the pending entries' own HMACs.
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
  if (batch.length) await appendToChain(ctx, batch);
  return value;
}

function atOf(ctx: Pick<Ctx, 'clock'>): Date {
  // Millisecond precision survives the round trip through timestamptz, so the hash can be recomputed.
  return new Date(Math.max(ctx.clock.now().getTime(), 0));
}

/** Locks the head, chains the entries after it and moves the head: two statements for any number. */
async function appendToChain(ctx: AuditCtx, entries: Pending[]): Promise<void> {
  const orgId = ctx.actor.orgId;
  const key = await chainKey(keyringFor(ctx), ctx.db, orgId, 'audit');
  const head = await repo.lockHead(ctx.db, orgId);
  let prev = head ? toBuffer(head.hash) : GENESIS_HASH;
  let seq = head?.seq ?? 0;
  const rows: repo.EntryRow[] = [];
  const append = (actorId: string | null, at: Date, e: AuditInput) => {
    seq += 1;
    const fields = {
      orgId,
      seq,
      at,
      actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      changedFields: [...(e.changedFields ?? [])].sort(),
      details: e.details ?? {},
    };
    const hash = keyedEntryHash(key, prev, fields);
    rows.push({
      org_id: orgId,
      seq,
      at,
      actor_id: actorId,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      changed_fields: fields.changedFields,
      details: fields.details,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  };
  // A chain begun before keyed chains gets one marker as its first keyed entry, naming the switch-over point:
  // moving that point to hide a rewrite would need a keyed marker at the new place, which nobody can forge.
  if (head && head.unkeyed_until > 0 && head.seq === head.unkeyed_until) {
    append(null, entries[0]!.at, {
      action: CHAIN_KEYED_ACTION,
      entity: 'audit_log',
      entityId: null,
      details: { unkeyedUntil: head.unkeyed_until },
    });
  }
  for (const e of entries) append(e.actorId, e.at, e.input);
  await repo.appendEntries(ctx.db, orgId, rows, { isNew: !head, unkeyedUntil: 0 });
}

function actorIdOf(actor: AnyActor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Verifies both chains of the organisation against its last checkpoint in `dataDir` and, when both are
 * intact and `write` is set, appends a new checkpoint there.
 */
export async function verifyAndCheckpoint(
  db: Db,
  keyring: Keyring,
  orgId: string,
  opts: { dataDir: string; now: Date; write: boolean },
): Promise<AuditVerify> {
  const result = await verifyOrganisation(
    db,
    keyring,
    orgId,
    readLastCheckpoint(opts.dataDir, orgId),
    opts.now,
  );
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
  return { items: page.map(toAuditEntry), nextBefore: rows.length > q.limit ? page.at(-1)!.seq : null };
}

export function toAuditEntry(r: Awaited<ReturnType<typeof repo.listEntries>>[number]): AuditEntry {
  return {
    seq: r.seq,
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
