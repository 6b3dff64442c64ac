import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  AttendanceSchema,
  CourseCreateSchema,
  SessionCreateSchema,
} from '../../../shared/training.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, addMonths, dayIn } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../cases/cases.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { trainedUntil } from '../counsellors/counsellors.service.js';
import { authorizeTraining, mayAttendTraining } from './training.policy.js';

export async function createCourse(ctx: Ctx, input: z.infer<typeof CourseCreateSchema>) {
  authorizeTraining(ctx.actor, 'training.manage');
  const id = randomUUID();
  await ctx.db
    .insertInto('courses')
    .values({
      id,
      org_id: ctx.actor.orgId,
      name: input.name,
      kind: input.kind,
      validity_months: input.validityMonths,
      created_at: ctx.clock.now(),
    })
    .execute();
  await audit(ctx, {
    action: 'training.course_create',
    entity: 'course',
    entityId: id,
    changedFields: ['name', 'kind', 'validity_months'],
    details: { kind: input.kind },
  });
  return { id };
}

export async function createSession(ctx: Ctx, input: z.infer<typeof SessionCreateSchema>) {
  authorizeTraining(ctx.actor, 'training.manage');
  const course = await ctx.db
    .selectFrom('courses')
    .select('id')
    .where('id', '=', input.courseId)
    .executeTakeFirst();
  if (!course) throw invalidField('courseId', 'unknown_course', 'No such course');
  const id = randomUUID();
  await ctx.db
    .insertInto('training_sessions')
    .values({
      id,
      org_id: ctx.actor.orgId,
      course_id: input.courseId,
      starts_at: new Date(input.startsAt),
      place: input.place,
      trainer: input.trainer,
      created_at: ctx.clock.now(),
    })
    .execute();
  await audit(ctx, {
    action: 'training.session_create',
    entity: 'training_session',
    entityId: id,
    changedFields: ['starts_at', 'place', 'trainer'],
  });
  return { id };
}

/** Records who attended and completed; completion of a course with a validity sets its expiry. */
export async function recordAttendance(ctx: Ctx, sessionId: string, input: z.infer<typeof AttendanceSchema>) {
  authorizeTraining(ctx.actor, 'training.manage');
  const session = await ctx.db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.starts_at', 'c.validity_months'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw new AppError('not_found', 'No such session');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user || !mayAttendTraining(user)) throw invalidField('userId', 'not_a_counsellor', 'Not a counsellor');
  // The day the session took place where the organisation is (a session at 00:30 is on that day, not the one before).
  const completedOn =
    input.attended && input.completed
      ? dayIn(await getTimeZone(ctx.db, ctx.actor.orgId), session.starts_at)
      : null;
  const expiresOn =
    completedOn && session.validity_months ? addMonths(completedOn, session.validity_months) : null;
  const row = { attended: input.attended, completed_on: completedOn, expires_on: expiresOn };
  await ctx.db
    .insertInto('training_attendance')
    .values({ org_id: ctx.actor.orgId, session_id: sessionId, user_id: input.userId, ...row })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet(row))
    .execute();
  await audit(ctx, {
    action: 'training.attendance',
    entity: 'training_session',
    entityId: sessionId,
    changedFields: ['attended', 'completed_on'],
    details: { userId: input.userId },
  });
}

async function sessions(ctx: Ctx, opts: { from?: Date; userId?: string }) {
  let q = ctx.db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.course_id', 'c.name', 's.starts_at', 's.place', 's.trainer'])
    .orderBy('s.starts_at');
  if (opts.from) q = q.where('s.starts_at', '>=', opts.from);
  const rows = await q.limit(200).execute();
  const attendance = rows.length
    ? await ctx.db
        .selectFrom('training_attendance as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.session_id', 'a.user_id', 'u.display_name', 'a.attended', 'a.completed_on'])
        .where(
          'a.session_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    courseName: r.name,
    startsAt: r.starts_at.toISOString(),
    place: r.place,
    trainer: r.trainer,
    attendees: attendance
      .filter((a) => a.session_id === r.id && (!opts.userId || a.user_id === opts.userId))
      .map((a) => ({
        userId: a.user_id,
        name: a.display_name,
        attended: a.attended,
        completedOn: a.completed_on,
      })),
  }));
}

/** Courses, sessions and who needs which training: basic missing, expired, or expiring within 60 days. */
export async function overview(ctx: Ctx) {
  authorizeTraining(ctx.actor, 'training.manage');
  const courses = await ctx.db
    .selectFrom('courses')
    .select(['id', 'name', 'kind', 'validity_months'])
    .orderBy('name')
    .execute();
  const counsellors = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', '=', 'counsellor')
    .where('status', '=', 'active')
    .orderBy('display_name')
    .execute();
  const today = await todayOf(ctx);
  const soon = addDays(today, 60);
  const needs = [];
  for (const c of counsellors) {
    const until = await trainedUntil(ctx, c.id);
    if (until === null)
      needs.push({ userId: c.id, name: c.display_name, need: 'basic_missing' as const, until: null });
    else if (until !== 'forever' && until < today)
      needs.push({ userId: c.id, name: c.display_name, need: 'basic_expired' as const, until });
    else if (until !== 'forever' && until <= soon)
      needs.push({ userId: c.id, name: c.display_name, need: 'expires_soon' as const, until });
  }
  return {
    courses: courses.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      validityMonths: c.validity_months,
    })),
    sessions: await sessions(ctx, {}),
    needs,
  };
}

/** A counsellor's own trainings and the upcoming sessions. */
export async function mine(ctx: Ctx) {
  authorizeTraining(ctx.actor, 'training.mine');
  const userId = ctx.actor.userId;
  const completed = await ctx.db
    .selectFrom('training_attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['c.name', 'c.kind', 'a.completed_on', 'a.expires_on'])
    .where('a.user_id', '=', userId)
    .where('a.completed_on', 'is not', null)
    .orderBy('a.completed_on', 'desc')
    .execute();
  return {
    trainedUntil: await trainedUntil(ctx, userId),
    completed: completed.map((c) => ({
      course: c.name,
      kind: c.kind,
      completedOn: c.completed_on!,
      expiresOn: c.expires_on,
    })),
    upcoming: (await sessions(ctx, { from: ctx.clock.now(), userId })).map((s) => ({
      id: s.id,
      courseName: s.courseName,
      startsAt: s.startsAt,
      place: s.place,
      trainer: s.trainer,
    })),
  };
}
