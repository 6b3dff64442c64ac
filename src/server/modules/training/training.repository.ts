import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CoursesTable, TrainingSessionsTable } from '../counsellors/counsellors.table.js';

export async function insertCourse(db: Db, row: Insertable<CoursesTable>): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export async function findCourse(db: Db, id: string) {
  return db.selectFrom('courses').select('id').where('id', '=', id).executeTakeFirst();
}

/** The organisation's courses by name. */
export async function listCourses(db: Db) {
  return db.selectFrom('courses').select(['id', 'name', 'kind', 'validity_months']).orderBy('name').execute();
}

export async function insertSession(db: Db, row: Insertable<TrainingSessionsTable>): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

/** A session with the validity of its course. */
export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.starts_at', 'c.validity_months'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Sessions (at most 200) by start, from a moment on when given, with their course's name. */
export async function listSessions(db: Db, from?: Date) {
  let q = db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.course_id', 'c.name', 's.starts_at', 's.place', 's.trainer'])
    .orderBy('s.starts_at');
  if (from) q = q.where('s.starts_at', '>=', from);
  return q.limit(200).execute();
}

/** Who attended any of these sessions, for many sessions at once. */
export async function listAttendance(db: Db, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.session_id', 'a.user_id', 'u.display_name', 'a.attended', 'a.completed_on'])
    .where('a.session_id', 'in', sessionIds)
    .execute();
}

/** Records (or corrects) one counsellor's attendance of a session. */
export async function upsertAttendance(
  db: Db,
  orgId: string,
  sessionId: string,
  userId: string,
  row: { attended: boolean; completed_on: string | null; expires_on: string | null },
): Promise<void> {
  await db
    .insertInto('training_attendance')
    .values({ org_id: orgId, session_id: sessionId, user_id: userId, ...row })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet(row))
    .execute();
}

/** A counsellor's completed trainings, newest first. */
export async function listCompletedTrainings(db: Db, userId: string) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['c.name', 'c.kind', 'a.completed_on', 'a.expires_on'])
    .where('a.user_id', '=', userId)
    .where('a.completed_on', 'is not', null)
    .orderBy('a.completed_on', 'desc')
    .execute();
}

/**
 * How long each counsellor's training is valid, in one query for all of them: 'forever', the last valid
 * date, or null when basic training is missing. Every requested id is in the map.
 */
export async function listTrainedUntil(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  const rows =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('training_attendance as ta')
          .innerJoin('training_sessions as s', 's.id', 'ta.session_id')
          .innerJoin('courses as c', 'c.id', 's.course_id')
          .select(['ta.user_id', 'c.kind', 'ta.expires_on'])
          .where('ta.user_id', 'in', userIds)
          .where('ta.completed_on', 'is not', null)
          .where('c.kind', 'in', ['basic', 'refresher'])
          .execute();
  const byUser = new Map<string, { kind: string; expires_on: string | null }[]>();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push(r);
    byUser.set(r.user_id, list);
  }
  return new Map(userIds.map((id) => [id, trainedUntilOf(byUser.get(id) ?? [])]));
}

function trainedUntilOf(rows: { kind: string; expires_on: string | null }[]): string | null {
  if (!rows.some((r) => r.kind === 'basic')) return null;
  if (rows.some((r) => r.expires_on === null)) return 'forever';
  return (
    rows
      .map((r) => r.expires_on!)
      .sort()
      .at(-1) ?? null
  );
}
