import type { FacilitatorOption, FacilitatorRefusal } from '../../../shared/activities.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { authorizeActivity, canActivity, needsTrainingToFacilitate } from './activities.policy.js';
import * as repo from './activities.repository.js';

type Candidate = Awaited<ReturnType<typeof repo.facilitatorCandidates>>[number];

/**
 * Whether each candidate may facilitate an activity of this type on this day. Staff (coordinators, admins)
 * always may; a counsellor needs the course the type requires, completed on or before the day and not
 * expired by then. One query for all candidates.
 */
async function eligibility(
  ctx: Ctx,
  candidates: Candidate[],
  type: { course_id: string | null },
  day: string,
): Promise<FacilitatorOption[]> {
  const course = type.course_id ? await repo.findCourse(ctx.db, type.course_id) : undefined;
  const counsellors = candidates.filter((c) => needsTrainingToFacilitate(c.role)).map((c) => c.id);
  const completions = course ? await repo.completionsOf(ctx.db, course.id, counsellors) : [];
  return candidates.map((c) => {
    const option = (reason: FacilitatorRefusal | null, expiredOn: string | null = null) => ({
      userId: c.id,
      name: c.display_name,
      role: c.role as FacilitatorOption['role'],
      eligible: reason === null,
      reason,
      course: reason && reason !== 'not_facilitator' ? (course?.name ?? null) : null,
      expiredOn,
    });
    if (c.status !== 'active') return option('not_facilitator');
    if (!needsTrainingToFacilitate(c.role) || !course) return option(null);
    const mine = completions.filter((x) => x.user_id === c.id && x.completed_on! <= day);
    if (mine.some((x) => x.expires_on === null || x.expires_on >= day)) return option(null);
    const lapsed = mine
      .map((x) => x.expires_on!)
      .sort()
      .at(-1);
    return lapsed ? option('training_expired', lapsed) : option('training_missing');
  });
}

const MESSAGES: Record<FacilitatorRefusal, (o: FacilitatorOption) => string> = {
  training_expired: (o) => `${o.name}: training "${o.course}" expired on ${o.expiredOn}`,
  training_missing: (o) => `${o.name}: training "${o.course}" not completed`,
  not_facilitator: (o) => `${o.name} cannot facilitate activities`,
};

/**
 * Refuses facilitators who may not give this activity on this day, with the reason per person (field
 * `facilitatorIds.<index>`); ids that are not active staff of the organisation read as unknown.
 */
export async function assertFacilitators(
  ctx: Ctx & { actor: { orgId: string } },
  userIds: string[],
  type: { course_id: string | null },
  day: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  const found = new Map(
    (await repo.facilitatorCandidates(ctx.db, ctx.actor.orgId, unique)).map((c) => [c.id, c]),
  );
  const options = new Map((await eligibility(ctx, [...found.values()], type, day)).map((o) => [o.userId, o]));
  const errors = userIds.flatMap((id, i) => {
    const o = options.get(id);
    if (!o)
      return [{ field: `facilitatorIds.${i}`, reason: 'unknown_user', message: 'Not a member of staff' }];
    if (o.eligible) return [];
    return [{ field: `facilitatorIds.${i}`, reason: o.reason!, message: MESSAGES[o.reason!](o) }];
  });
  if (errors.length)
    throw new AppError('validation_failed', errors.map((e) => e.message).join('; '), { errors });
}

/** Everyone who could facilitate, each with whether they may on this day for this type, and why not. */
export async function facilitatorOptions(
  ctx: Ctx,
  q: { typeId?: string | undefined; date?: string | undefined },
) {
  authorizeActivity(ctx.actor, 'activity.plan');
  if (!q.date)
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'date', reason: 'required', message: 'Choose the date' }],
    });
  const type = q.typeId ? await repo.findActivityType(ctx.db, q.typeId) : undefined;
  if (!type || type.kind !== 'activity_type')
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'typeId', reason: 'unknown_term', message: 'Not an activity type' }],
    });
  const candidates = await repo.facilitatorCandidates(ctx.db, ctx.actor.orgId);
  return { items: await eligibility(ctx, candidates, type, q.date) };
}

/** The activity types with the course each requires, and the courses to choose from. */
export async function listActivityTypes(ctx: Ctx) {
  authorizeActivity(ctx.actor, 'activity.list');
  const rows = await repo.listActivityTypes(ctx.db, ctx.actor.orgId);
  const canManage = canActivity(ctx.actor, 'activity.plan');
  return {
    items: rows.map((r) => ({
      termId: r.id,
      code: r.code,
      labels: r.labels,
      active: r.active,
      requiredCourseId: r.course_id,
      requiredCourseName: r.course_name,
    })),
    courses: canManage ? await repo.listCourses(ctx.db, ctx.actor.orgId) : [],
    canManage,
  };
}

/** Sets (or clears) the training course an activity type requires of its counsellors. */
export async function setRequiredCourse(ctx: Ctx, termId: string, courseId: string | null) {
  authorizeActivity(ctx.actor, 'activity.plan');
  const type = await repo.findActivityType(ctx.db, termId);
  if (!type || type.kind !== 'activity_type') throw new AppError('not_found', 'No such activity type');
  if (courseId && !(await repo.findCourse(ctx.db, courseId)))
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'courseId', reason: 'unknown_course', message: 'No such course' }],
    });
  await repo.setRequiredCourse(ctx.db, ctx.actor.orgId, termId, courseId, ctx.clock.now());
  await audit(ctx, {
    action: 'activity.type_course',
    entity: 'taxonomy_term',
    entityId: termId,
    changedFields: ['required_course'],
    details: { courseId },
  });
  return listActivityTypes(ctx);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * A facilitator's hours: the length of the activities they gave in a period (default: the last twelve
 * months up to today), cancelled ones left out. There is no separate volunteer record yet; this is it.
 */
export async function facilitatorHours(
  ctx: Ctx,
  userId: string,
  q: { from?: string | undefined; to?: string | undefined },
) {
  authorizeActivity(ctx.actor, 'activity.hours', { userId });
  const to = q.to ?? (await todayOf(ctx));
  const from = q.from ?? addDays(to, -364);
  if (from > to)
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'from', reason: 'range_reversed', message: 'The period starts after it ends' }],
    });
  const [user] = await repo.facilitatorCandidates(ctx.db, ctx.actor.orgId, [userId]);
  if (!user) throw new AppError('not_found', 'No such facilitator');
  const times = await repo.facilitatedTimes(ctx.db, userId, from, to);
  const minutes = times.reduce((sum, t) => sum + minutesOf(t.end_time) - minutesOf(t.start_time), 0);
  return { userId, activities: times.length, minutes, from, to };
}
