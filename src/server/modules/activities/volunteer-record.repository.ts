import type { Db } from '../../db/database.js';

/**
 * The volunteer record's sources, each for one person in one period: what they facilitated, the training
 * they attended or completed, and how many minutes of contact they logged on cases. Only dates, times and
 * numbers are read: nothing about what an activity, a course or a case was about.
 */

/** The person, if they are staff of the organisation who can hold a volunteer record. */
export async function findVolunteer(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where('role', 'in', ['counsellor', 'coordinator', 'admin'])
    .executeTakeFirst();
}

/** Activities the person facilitated in a period (cancelled ones left out): day, start and end time. */
export async function facilitatedActivities(db: Db, userId: string, from: string, to: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('activity_facilitators as af', 'af.activity_id', 'a.id')
    .select(['a.held_on', 'a.start_time', 'a.end_time'])
    .where('af.user_id', '=', userId)
    .where('a.cancelled', '=', false)
    .where('a.held_on', '>=', from)
    .where('a.held_on', '<=', to)
    .execute();
}

/** Training sessions the person attended from an instant on, and when they completed a course. */
export async function trainingAttendance(db: Db, userId: string, since: Date) {
  return db
    .selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', 's.id', 'ta.session_id')
    .select(['s.starts_at', 'ta.attended', 'ta.completed_on'])
    .where('ta.user_id', '=', userId)
    .where('s.starts_at', '>=', since)
    .execute();
}

/** Minutes of contact the person logged as author from an instant on (only the time and the length). */
export async function loggedSupport(db: Db, userId: string, since: Date) {
  return db
    .selectFrom('case_log')
    .select(['occurred_at', 'duration_minutes'])
    .where('author_id', '=', userId)
    .where('occurred_at', '>=', since)
    .where('duration_minutes', 'is not', null)
    .execute();
}
