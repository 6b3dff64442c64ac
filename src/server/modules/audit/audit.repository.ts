import { sql } from 'kysely';
import type { AccessQuery, AuditQuery } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';

/** Locks the organisation's chain head for the rest of the transaction; audit writers queue here. */
export async function lockHead(db: Db, orgId: string) {
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('org_id', '=', orgId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertHead(db: Db, orgId: string, seq: number, hash: Buffer): Promise<void> {
  await db.insertInto('audit_heads').values({ org_id: orgId, seq, hash }).execute();
}

export async function updateHead(db: Db, orgId: string, seq: number, hash: Buffer): Promise<void> {
  await db.updateTable('audit_heads').set({ seq, hash }).where('org_id', '=', orgId).execute();
}

export async function insertEntry(
  db: Db,
  row: {
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
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
}

function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function dayEnd(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);
}

/** One page of the audit log, newest first, keyset-paginated on seq. */
export async function listEntries(db: Db, orgId: string, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.seq',
      'a.at',
      'a.actor_id',
      'u.display_name as actor_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.changed_fields',
    ])
    .where('a.org_id', '=', orgId);
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.from) query = query.where('a.at', '>=', dayStart(q.from));
  if (q.to) query = query.where('a.at', '<', dayEnd(q.to));
  if (q.before) query = query.where('a.seq', '<', q.before);
  return query
    .orderBy('a.seq', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Streams the chain in order, in batches, for verification. */
export async function chainBatch(db: Db, orgId: string, afterSeq: number, limit: number) {
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
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findHead(db: Db, orgId: string) {
  return db.selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
}

export async function insertAccess(
  db: Db,
  row: {
    org_id: string;
    at: Date;
    actor_id: string;
    entity: string;
    entity_id: string;
    purpose: string;
    reason: string | null;
  },
): Promise<void> {
  await db.insertInto('access_log').values(row).execute();
}

export async function listAccess(db: Db, orgId: string, q: AccessQuery) {
  let query = db
    .selectFrom('access_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select([
      'l.id',
      'l.at',
      'l.actor_id',
      'u.display_name as actor_name',
      'l.entity',
      'l.entity_id',
      'l.purpose',
      'l.reason',
    ])
    .where('l.org_id', '=', orgId);
  if (q.actorId) query = query.where('l.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('l.entity', '=', q.entity);
  if (q.entityId) query = query.where('l.entity_id', '=', q.entityId);
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
