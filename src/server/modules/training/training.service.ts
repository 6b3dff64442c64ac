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
import { todayOf } from '../organisations/today.js';
import { findAccount, listActiveCounsellors } from '../counsellors/counsellors.repository.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { authorizeTraining, mayAttendTraining } from './training.policy.js';
import * as repo from './training.repository.js';

export async function createCourse(ctx: Ctx, input: z.infer<typeof CourseCreateSchema>) {
  authorizeTraining(ctx.actor, 'training.manage');
  const id = randomUUID();
  await repo.insertCourse(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    name: input.name,
    kind: input.kind,
    validity_months: input.validityMonths,
    created_at: ctx.clock.now(),
  });
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
  if (!(await repo.findCourse(ctx.db, input.courseId)))
    throw invalidField('courseId', 'unknown_course', 'No such course');
  const id = randomUUID();
  await repo.insertSession(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    course_id: input.courseId,
    starts_at: new Date(input.startsAt),
    place: input.place,
    trainer: input.trainer,
    created_at: ctx.clock.now(),
  });
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
  const session = await repo.findSession(ctx.db, sessionId);
  if (!session) throw new AppError('not_found', 'No such session');
  const user = await findAccount(ctx.db, input.userId);
  if (!user || !mayAttendTraining(user)) throw invalidField('userId', 'not_a_counsellor', 'Not a counsellor');
  // The day the session took place where the organisation is (a session at 00:30 is on that day, not the one before).
  const completedOn =
    input.attended && input.completed
      ? dayIn(await getTimeZone(ctx.db, ctx.actor.orgId), session.starts_at)
      : null;
  const expiresOn =
    completedOn && session.validity_months ? addMonths(completedOn, session.validity_months) : null;
  const row = { attended: input.attended, completed_on: completedOn, expires_on: expiresOn };
  await repo.upsertAttendance(ctx.db, ctx.actor.orgId, sessionId, input.userId, row);
  await audit(ctx, {
    action: 'training.attendance',
    entity: 'training_session',
    entityId: sessionId,
    changedFields: ['attended', 'completed_on'],
    details: { userId: input.userId },
  });
}

async function sessions(ctx: Ctx, opts: { from?: Date; userId?: string }) {
  const rows = await repo.listSessions(ctx.db, opts.from);
  const attendance = await repo.listAttendance(
    ctx.db,
    rows.map((r) => r.id),
  );
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
  const courses = await repo.listCourses(ctx.db);
  const counsellors = await listActiveCounsellors(ctx.db, ctx.actor.orgId);
  const today = await todayOf(ctx);
  const soon = addDays(today, 60);
  // One query for every counsellor's training, not one per counsellor.
  const trainedUntil = await repo.listTrainedUntil(
    ctx.db,
    counsellors.map((c) => c.id),
  );
  const needs = [];
  for (const c of counsellors) {
    const until = trainedUntil.get(c.id) ?? null;
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
  const completed = await repo.listCompletedTrainings(ctx.db, userId);
  return {
    trainedUntil: (await repo.listTrainedUntil(ctx.db, [userId])).get(userId) ?? null,
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
