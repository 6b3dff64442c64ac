import type { Db } from '../../db/database.js';

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
export async function findCreatedAt(db: Db, userId: string): Promise<Date> {
  const row = await db
    .selectFrom('users')
    .select('created_at')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.created_at;
}
