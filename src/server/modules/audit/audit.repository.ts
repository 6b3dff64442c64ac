import { sql } from 'kysely';
import type { AccessExportQuery, AuditExportQuery } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { GENESIS_HASH } from './audit.canonical.js';

/**
 * Locks the organisation's chain head for the rest of the transaction; audit writers queue here. A chain
 * without a head gets an empty one first (sequence 0 at the genesis hash, which verifies as an empty chain):
 * two first writers used to both see no head and both insert one, and the second failed on the key.
 */
export async function lockHead(db: Db, orgId: string) {
  const lock = () =>
    db
      .selectFrom('audit_heads')
      .select(['seq', 'hash', 'unkeyed_until'])
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await db
    .insertInto('audit_heads')
    .values({ org_id: orgId, seq: 0, hash: GENESIS_HASH, unkeyed_until: 0 })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  return lock();
}

export interface EntryRow {
  org_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: Record<string, unknown>;
  prev_hash: Buffer;
  hash: Buffer;
}

/**
 * Appends entries and moves the head to the last one, in one statement (one round trip). `isNewHead` creates
 * the head of a chain that has none yet; `unkeyedUntil` is only written then.
 */
export async function appendEntries(
  db: Db,
  orgId: string,
  rows: EntryRow[],
  head: { isNew: boolean; unkeyedUntil: number },
): Promise<void> {
  const last = rows.at(-1)!;
  const values = rows.map((r) => ({ ...r, details: JSON.stringify(r.details) }));
  const withEntries = db.with('e', (q) => q.insertInto('audit_log').values(values));
  if (head.isNew) {
    await withEntries
      .insertInto('audit_heads')
      .values({ org_id: orgId, seq: last.seq, hash: last.hash, unkeyed_until: head.unkeyedUntil })
      .execute();
  } else {
    await withEntries
      .updateTable('audit_heads')
      .set({ seq: last.seq, hash: last.hash })
      .where('org_id', '=', orgId)
      .execute();
  }
}

function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function dayEnd(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);
}

type Paged<Q> = Q & { before?: number | undefined; limit: number };

/**
 * One page of the audit log, newest first, keyset-paginated on seq; with the case each entry is about (the
 * case itself, or the parent named in its details) so that the log shows references, not ids.
 */
export async function listEntries(db: Db, orgId: string, q: Paged<AuditExportQuery>) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('cases as c', (join) =>
      join
        .onRef('c.org_id', '=', 'a.org_id')
        .on(
          sql<boolean>`c.id::text = case when a.entity = 'case' then a.entity_id else a.details->>'caseId' end`,
        ),
    )
    .select([
      'a.seq',
      'a.at',
      'a.actor_id',
      'u.display_name as actor_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.changed_fields',
      'c.id as case_id',
      'c.reference as case_reference',
    ])
    .where('a.org_id', '=', orgId);
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.caseReference) query = query.where('c.reference', '=', q.caseReference);
  if (q.from) query = query.where('a.at', '>=', dayStart(q.from));
  if (q.to) query = query.where('a.at', '<', dayEnd(q.to));
  if (q.before) query = query.where('a.seq', '<', q.before);
  return query
    .orderBy('a.seq', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Streams the chain in order, in batches, for verification, up to the head read before the walk. */
export async function chainBatch(db: Db, orgId: string, afterSeq: number, limit: number, upTo: number) {
  return db
    .selectFrom('audit_log')
    .select([
      'org_id',
      'seq',
      'at',
      'actor_id',
      'action',
      'entity',
      'entity_id',
      'changed_fields',
      'details',
      'prev_hash',
      'hash',
    ])
    .where('org_id', '=', orgId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The highest sequence number present in a chain (an entry slipped in behind the head shows here). */
export async function maxSeq(db: Db, table: 'audit_log' | 'access_log', orgId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function findHead(db: Db, orgId: string) {
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash', 'unkeyed_until'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** Locks the organisation's access-chain head for the rest of the transaction; made empty first if missing. */
export async function lockAccessHead(db: Db, orgId: string) {
  const lock = () =>
    db
      .selectFrom('access_heads')
      .select(['seq', 'hash'])
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await db
    .insertInto('access_heads')
    .values({ org_id: orgId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  return lock();
}

export interface AccessRow {
  org_id: string;
  seq: number;
  at: Date;
  actor_id: string;
  entity: string;
  entity_id: string;
  purpose: string;
  outcome: 'read' | 'denied';
  reason_enc: Buffer | null;
  prev_hash: Buffer;
  hash: Buffer;
}

/** Appends access rows and moves the access head to the last one, in one statement. */
export async function appendAccess(db: Db, orgId: string, rows: AccessRow[], isNewHead: boolean) {
  const last = rows.at(-1)!;
  const withRows = db.with('r', (q) => q.insertInto('access_log').values(rows));
  if (isNewHead) {
    await withRows
      .insertInto('access_heads')
      .values({ org_id: orgId, seq: last.seq, hash: last.hash })
      .execute();
  } else {
    await withRows
      .updateTable('access_heads')
      .set({ seq: last.seq, hash: last.hash })
      .where('org_id', '=', orgId)
      .execute();
  }
}

/** The chained access rows in order, in batches, for verification. */
export async function accessChainBatch(db: Db, orgId: string, afterSeq: number, limit: number, upTo: number) {
  return db
    .selectFrom('access_log')
    .select([
      'org_id',
      'seq',
      'at',
      'actor_id',
      'entity',
      'entity_id',
      'purpose',
      'outcome',
      'reason_enc',
      'prev_hash',
      'hash',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findAccessHead(db: Db, orgId: string) {
  return db.selectFrom('access_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
}

/** One page of the access log, newest first, with the case reference of reads of a case. */
export async function listAccess(db: Db, orgId: string, q: Paged<AccessExportQuery>) {
  let query = db
    .selectFrom('access_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .leftJoin('cases as c', (join) =>
      join
        .onRef('c.org_id', '=', 'l.org_id')
        .on(sql<boolean>`l.entity = 'case' and c.id::text = l.entity_id`),
    )
    .select([
      'c.id as case_id',
      'c.reference as case_reference',
      'l.id',
      'l.at',
      'l.actor_id',
      'u.display_name as actor_name',
      'l.entity',
      'l.entity_id',
      'l.purpose',
      'l.outcome',
      'l.seq',
      'l.reason',
      'l.reason_enc',
    ])
    .where('l.org_id', '=', orgId);
  if (q.actorId) query = query.where('l.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('l.entity', '=', q.entity);
  if (q.entityId) query = query.where('l.entity_id', '=', q.entityId);
  if (q.caseReference) query = query.where('c.reference', '=', q.caseReference);
  if (q.from) query = query.where('l.at', '>=', dayStart(q.from));
  if (q.to) query = query.where('l.at', '<', dayEnd(q.to));
  if (q.before) query = query.where('l.id', '<', q.before);
  return query
    .orderBy('l.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function listActors(db: Db, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .orderBy('display_name')
    .execute();
}

/** All organisation ids; only meaningful on an owner connection (the CLI), RLS hides the rest otherwise. */
export async function listOrgIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from organisations order by created_at`.execute(db);
  return rows.map((r) => r.id);
}

/** Scopes the rest of the transaction to one organisation (the checkpoint job walks them all in turn). */
export async function scopeToOrg(db: Db, orgId: string): Promise<void> {
  await sql`select set_config('app.org_id', ${orgId}, true)`.execute(db);
}

/** All organisation ids through a narrow definer function, for the checkpoint job (no organisation set). */
export async function listOrgIdsForCheckpoint(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from audit_org_ids()`.execute(db);
  return rows.map((r) => r.id);
}
