import type { Insertable, Updateable } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { EmergencyRequestsTable } from './emergency.table.js';

/** Independence facts of requests since `since`: people and times only — no reason, no case. */
export async function listRequestFacts(db: Db, orgId: string, since: Date, limit: number) {
  return db
    .selectFrom('emergency_requests as e')
    .innerJoin('users as rq', 'rq.id', 'e.requested_by')
    .leftJoin('users as dc', 'dc.id', 'e.decided_by')
    .select([
      'e.id',
      'e.status',
      'e.ground',
      'e.requested_at',
      'e.decided_at',
      'e.requested_by',
      'rq.display_name as requested_by_name',
      'e.decided_by',
      'dc.display_name as decided_by_name',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.requested_at', '>', since)
    .orderBy('e.requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** Staff who could start or approve an emergency request, with when they got their account. */
export async function listEmergencyStaff(db: Db, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'created_at', 'totp_enrolled_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where('role', 'in', ['coordinator', 'admin'])
    .orderBy('display_name')
    .execute();
}

/** Every account event of the organisation since `since`, oldest first, for facts at a point in time. */
export async function listEventFacts(db: Db, orgId: string, since: Date) {
  return db
    .selectFrom('account_events')
    .select(['at', 'kind', 'actor_id', 'subject_id'])
    .where('org_id', '=', orgId)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
}

/** When an account was created (for requesters no longer active or no longer coordinators). */
export async function getCreatedAt(db: Db, userId: string): Promise<Date> {
  const row = await db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('user');
  return row.created_at;
}

// Requests -------------------------------------------------------------------------------------------------

function requestRows(db: Db) {
  return db
    .selectFrom('emergency_requests as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .innerJoin('partners as p', 'p.id', 'e.partner_id')
    .innerJoin('users as rq', 'rq.id', 'e.requested_by')
    .leftJoin('users as dc', 'dc.id', 'e.decided_by')
    .select([
      'e.id',
      'e.case_id',
      'e.ground',
      'e.legal_basis',
      'e.reason_enc',
      'e.partner_id',
      'e.categories',
      'e.channel',
      'e.inform_caller',
      'e.no_inform_reason_enc',
      'e.status',
      'e.requested_by',
      'e.requested_at',
      'e.decided_by',
      'e.decided_at',
      'e.decision_note_enc',
      'e.disclosed_at',
      'c.reference',
      'c.counsellor_id',
      'p.name as partner_name',
      'p.type as partner_type',
      'rq.display_name as requested_by_name',
      'dc.display_name as decided_by_name',
    ]);
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['execute']>>[number];

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return requestRows(db).where('e.id', '=', id).executeTakeFirst();
}

/** The emergency requests of a case, newest first. */
export async function listCaseRequests(db: Db, caseId: string): Promise<RequestRow[]> {
  return requestRows(db).where('e.case_id', '=', caseId).orderBy('e.requested_at', 'desc').execute();
}

/** Requests waiting for a decision, and those this user made or decided; newest first. */
export async function listRequestsToReview(
  db: Db,
  userId: string,
  status: EmergencyRequestsTable['status'] | undefined,
  limit: number,
): Promise<RequestRow[]> {
  let q = requestRows(db).where((eb) =>
    eb.or([
      eb('e.status', '=', 'pending'),
      eb('e.requested_by', '=', userId),
      eb('e.decided_by', '=', userId),
    ]),
  );
  if (status) q = q.where('e.status', '=', status);
  return q.orderBy('e.requested_at', 'desc').limit(limit).execute();
}

/** Locks the request row for the rest of the transaction: decisions and disclosures of it queue up. */
export async function lockRequest(db: Db, id: string): Promise<void> {
  await db.selectFrom('emergency_requests').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertRequest(db: Db, row: Insertable<EmergencyRequestsTable>): Promise<void> {
  await db.insertInto('emergency_requests').values(row).execute();
}

export async function updateRequest(
  db: Db,
  id: string,
  patch: Updateable<EmergencyRequestsTable>,
  onlyIf?: { status: EmergencyRequestsTable['status'] },
): Promise<void> {
  let q = db.updateTable('emergency_requests').set(patch).where('id', '=', id);
  if (onlyIf) q = q.where('status', '=', onlyIf.status);
  await q.execute();
}

/** Active accounts of the organisation holding one of `roles`, except `exceptUserId`. */
export async function listActiveUserIdsInRoles(
  db: Db,
  orgId: string,
  roles: readonly Role[],
  exceptUserId: string,
): Promise<string[]> {
  if (roles.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active')
    .where('id', '<>', exceptUserId)
    .execute();
  return users.map((u) => u.id);
}
