import type { Insertable, Updateable } from 'kysely';
import type { PublicMeeting } from '../../../shared/activities.schema.js';
import { INFO_MEETING_CODE } from '../../../shared/activities.schema.js';
import type { Db } from '../../db/database.js';
import { FACILITATOR_ROLES } from './activities.policy.js';
import type { ActivitiesTable, ActivityTasksTable } from './activities.table.js';

const COLUMNS = [
  'a.id',
  'a.org_id',
  'a.type_id',
  'a.title',
  'a.held_on',
  'a.start_time',
  'a.end_time',
  'a.place',
  'a.municipality_id',
  'm.name as municipality',
  'a.host_partner_id',
  'a.languages',
  'a.audience',
  'a.is_public',
  'a.cancelled',
  'a.attendees',
] as const;

export interface ActivityFilter {
  from: string;
  to: string;
  typeId?: string | undefined;
  municipalityId?: string | undefined;
  facilitatorId?: string | undefined;
  /** Only activities this user facilitates (a counsellor's own calendar). */
  onlyFacilitatedBy?: string | undefined;
}

const base = (db: Db) =>
  db.selectFrom('activities as a').innerJoin('municipalities as m', 'm.id', 'a.municipality_id');

/** The activities in a period, by date and start time; facilitators come separately, by id set. */
export async function listActivities(db: Db, orgId: string, f: ActivityFilter, limit: number) {
  let q = base(db)
    .select(COLUMNS)
    .where('a.org_id', '=', orgId)
    .where('a.held_on', '>=', f.from)
    .where('a.held_on', '<=', f.to);
  if (f.typeId) q = q.where('a.type_id', '=', f.typeId);
  if (f.municipalityId) q = q.where('a.municipality_id', '=', f.municipalityId);
  for (const userId of [f.facilitatorId, f.onlyFacilitatedBy]) {
    if (!userId) continue;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_facilitators as af')
          .select('af.user_id')
          .whereRef('af.activity_id', '=', 'a.id')
          .where('af.user_id', '=', userId),
      ),
    );
  }
  return q.orderBy('a.held_on').orderBy('a.start_time').orderBy('a.id').limit(limit).execute();
}

export async function findActivity(db: Db, id: string) {
  return base(db)
    .select([...COLUMNS, 'a.materials_enc', 'a.evaluation_enc'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Facilitators of a set of activities, with their names. */
export async function facilitatorsOf(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('activity_facilitators as af')
    .innerJoin('users as u', 'u.id', 'af.user_id')
    .select(['af.activity_id', 'af.user_id', 'u.display_name'])
    .where('af.activity_id', 'in', activityIds)
    .orderBy('u.display_name')
    .execute();
}

export async function partnersOf(db: Db, activityId: string) {
  return db
    .selectFrom('activity_partners as ap')
    .innerJoin('partners as p', 'p.id', 'ap.partner_id')
    .select(['p.id', 'p.name'])
    .where('ap.activity_id', '=', activityId)
    .orderBy('p.name')
    .execute();
}

export async function insertActivity(db: Db, row: Insertable<ActivitiesTable>): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(db: Db, id: string, patch: Updateable<ActivitiesTable>): Promise<void> {
  await db.updateTable('activities').set(patch).where('id', '=', id).execute();
}

/** Replaces the facilitators of an activity. */
export async function setFacilitators(db: Db, orgId: string, activityId: string, userIds: string[]) {
  await db.deleteFrom('activity_facilitators').where('activity_id', '=', activityId).execute();
  if (userIds.length)
    await db
      .insertInto('activity_facilitators')
      .values(userIds.map((user_id) => ({ activity_id: activityId, user_id, org_id: orgId })))
      .execute();
}

/** Replaces the partner organisations of an activity. */
export async function setPartners(db: Db, orgId: string, activityId: string, partnerIds: string[]) {
  await db.deleteFrom('activity_partners').where('activity_id', '=', activityId).execute();
  if (partnerIds.length)
    await db
      .insertInto('activity_partners')
      .values(partnerIds.map((partner_id) => ({ activity_id: activityId, partner_id, org_id: orgId })))
      .execute();
}

/** The activity-type term, if `id` is one of the organisation's (RLS hides the others). */
export async function findActivityType(db: Db, id: string) {
  return db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('activity_type_courses as c', 'c.term_id', 't.id')
    .select(['t.id', 't.kind', 't.code', 't.active', 'c.course_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function listActivityTypes(db: Db, orgId: string) {
  return db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('activity_type_courses as c', 'c.term_id', 't.id')
    .leftJoin('courses as co', 'co.id', 'c.course_id')
    .select(['t.id', 't.code', 't.labels', 't.active', 'c.course_id', 'co.name as course_name'])
    .where('t.org_id', '=', orgId)
    .where('t.kind', '=', 'activity_type')
    .orderBy('t.sort')
    .execute();
}

export async function listCourses(db: Db, orgId: string) {
  return db
    .selectFrom('courses')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
}

export async function findCourse(db: Db, id: string) {
  return db.selectFrom('courses').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function setRequiredCourse(
  db: Db,
  orgId: string,
  termId: string,
  courseId: string | null,
  now: Date,
): Promise<void> {
  if (courseId === null) {
    await db.deleteFrom('activity_type_courses').where('term_id', '=', termId).execute();
    return;
  }
  await db
    .insertInto('activity_type_courses')
    .values({ term_id: termId, org_id: orgId, course_id: courseId, updated_at: now })
    .onConflict((oc) => oc.column('term_id').doUpdateSet({ course_id: courseId, updated_at: now }))
    .execute();
}

/** Active staff who may facilitate (counsellors, coordinators, admins), in one query. */
export async function facilitatorCandidates(db: Db, orgId: string, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'status'])
    .where('org_id', '=', orgId)
    .where('role', 'in', FACILITATOR_ROLES);
  q = ids ? q.where('id', 'in', ids) : q.where('status', '=', 'active');
  return q.orderBy('display_name').execute();
}

/** Completions of one course by a set of users: when each completed it and until when it is valid. */
export async function completionsOf(db: Db, courseId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', 's.id', 'ta.session_id')
    .select(['ta.user_id', 'ta.completed_on', 'ta.expires_on'])
    .where('s.course_id', '=', courseId)
    .where('ta.user_id', 'in', userIds)
    .where('ta.completed_on', 'is not', null)
    .execute();
}

/** Which of these ids are the organisation's partners (RLS hides the others). */
export async function existingPartners(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('partners').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function findMunicipality(db: Db, id: string) {
  return db.selectFrom('municipalities').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** How many contacts named the activity as where they heard of the helpline. */
export async function countRequestsFrom(db: Db, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('source_activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listTasks(db: Db, activityId: string) {
  return db
    .selectFrom('activity_tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select([
      't.id',
      't.title_enc',
      't.due_on',
      't.assignee_id',
      'u.display_name as assignee_name',
      't.done_at',
    ])
    .where('t.activity_id', '=', activityId)
    .orderBy('t.created_at')
    .execute();
}

export async function findTask(db: Db, id: string) {
  return db
    .selectFrom('activity_tasks')
    .select(['id', 'activity_id', 'done_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTask(db: Db, row: Insertable<ActivityTasksTable>): Promise<void> {
  await db.insertInto('activity_tasks').values(row).execute();
}

export async function setTaskDone(db: Db, id: string, doneAt: Date | null): Promise<void> {
  await db.updateTable('activity_tasks').set({ done_at: doneAt }).where('id', '=', id).execute();
}

/** A facilitator's activities that took place in a period (not cancelled): their start and end times. */
export async function facilitatedTimes(db: Db, userId: string, from: string, to: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('activity_facilitators as af', 'af.activity_id', 'a.id')
    .select(['a.start_time', 'a.end_time'])
    .where('af.user_id', '=', userId)
    .where('a.cancelled', '=', false)
    .where('a.held_on', '>=', from)
    .where('a.held_on', '<=', to)
    .execute();
}

/**
 * Upcoming public information meetings of an organisation, from a day on, for the public site: only what may
 * be published (title, date, start time, municipality, languages), never facilitators, partners or notes.
 * The caller runs it in a transaction scoped to the organisation (row-level security).
 */
export async function findUpcomingPublicMeetings(
  db: Db,
  organisationId: string,
  from: string,
  limit = 50,
): Promise<PublicMeeting[]> {
  const rows = await base(db)
    .innerJoin('taxonomy_terms as t', 't.id', 'a.type_id')
    .select(['a.title', 'a.held_on', 'a.start_time', 'm.name as municipality', 'a.languages'])
    .where('a.org_id', '=', organisationId)
    .where('a.is_public', '=', true)
    .where('a.cancelled', '=', false)
    .where('t.code', '=', INFO_MEETING_CODE)
    .where('a.held_on', '>=', from)
    .orderBy('a.held_on')
    .orderBy('a.start_time')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    title: r.title,
    date: r.held_on,
    startTime: r.start_time,
    municipality: r.municipality,
    languages: r.languages,
  }));
}

/** Whether an activity of the organisation exists (for a contact naming its source). */
export async function activityExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('activities').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}
