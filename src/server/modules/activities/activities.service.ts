import { randomUUID } from 'node:crypto';
import type {
  Activity,
  ActivityCreate,
  ActivityQuery,
  ActivityReport,
  ActivitySummary,
  ActivityUpdate,
  PublishedCount,
} from '../../../shared/activities.schema.js';
import { INFO_MEETING_CODE, MAX_ACTIVITY_RANGE_DAYS } from '../../../shared/activities.schema.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, openText, sealOptional } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { protectTable } from '../reports/disclosure.js';
import { reportSettings } from '../reports/reports.repository.js';
import { authorizeActivity, canActivity, seesAllActivities } from './activities.policy.js';
import * as repo from './activities.repository.js';
import { assertFacilitators } from './facilitators.service.js';

const LIST_LIMIT = 500;

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, reason, message }] });

type Row = Awaited<ReturnType<typeof repo.listActivities>>[number];
type Facilitators = Awaited<ReturnType<typeof repo.facilitatorsOf>>;

function toSummary(r: Row, facilitators: Facilitators): ActivitySummary {
  return {
    id: r.id,
    typeId: r.type_id,
    title: r.title,
    date: r.held_on,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    municipalityId: r.municipality_id,
    municipality: r.municipality,
    languages: r.languages as ActivitySummary['languages'],
    facilitators: facilitators
      .filter((f) => f.activity_id === r.id)
      .map((f) => ({ userId: f.user_id, name: f.display_name })),
    audience: r.audience,
    isPublic: r.is_public,
    cancelled: r.cancelled,
    attendees: r.attendees,
  };
}

/** The calendar: everything for planners, a counsellor's own activities for them. */
export async function listActivities(ctx: Ctx, q: ActivityQuery) {
  authorizeActivity(ctx.actor, 'activity.list');
  const today = await todayOf(ctx);
  const from = q.from ?? addDays(today, -30);
  const to = q.to ?? addDays(today, 90);
  if (from > to) throw invalid('from', 'range_reversed', 'The period starts after it ends');
  if (addDays(from, MAX_ACTIVITY_RANGE_DAYS) < to)
    throw invalid('to', 'range_too_long', `At most ${MAX_ACTIVITY_RANGE_DAYS} days at a time`);
  const own = !seesAllActivities(ctx.actor) || q.mine === 'true' ? ctx.actor.userId : undefined;
  const rows = await repo.listActivities(
    ctx.db,
    ctx.actor.orgId,
    {
      from,
      to,
      typeId: q.typeId,
      municipalityId: q.municipalityId,
      facilitatorId: q.facilitatorId,
      onlyFacilitatedBy: own,
    },
    LIST_LIMIT,
  );
  const facilitators = await repo.facilitatorsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, facilitators)),
    from,
    to,
    canPlan: canActivity(ctx.actor, 'activity.plan'),
  };
}

/** Loads an activity the actor may act on; another organisation's, or one they may not see, is a 404. */
export async function load(
  ctx: Ctx,
  id: string,
  action: 'activity.view' | 'activity.plan' | 'activity.report' | 'activity.task',
) {
  authorizeActivity(ctx.actor, 'activity.list');
  const row = await repo.findActivity(ctx.db, id);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such activity');
  const facilitators = await repo.facilitatorsOf(ctx.db, [id]);
  const facilitatorIds = facilitators.map((f) => f.user_id);
  authorizeActivity(ctx.actor, action, { facilitatorIds });
  return { row, facilitators, facilitatorIds, actor: ctx.actor };
}

/** Contacts that named the activity, published under the organisation's disclosure rules (as in reports). */
async function requestsFollowed(ctx: Ctx, id: string): Promise<PublishedCount> {
  const rules = await reportSettings(ctx.db, ctx.actor.orgId);
  const published = protectTable([[await repo.countRequestsFrom(ctx.db, id)]], rules).total;
  return published.kind === 'count'
    ? { value: published.value, suppressed: false, threshold: rules.threshold }
    : { value: null, suppressed: true, threshold: rules.threshold };
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  const { row, facilitators, facilitatorIds } = await load(ctx, id, 'activity.view');
  const host = row.host_partner_id
    ? (await repo.existingPartners(ctx.db, [row.host_partner_id]))[0]
    : undefined;
  const tasks = await repo.listTasks(ctx.db, id);
  return {
    ...toSummary(row, facilitators),
    hostPartner: host ? { id: host.id, name: host.name } : null,
    partners: await repo.partnersOf(ctx.db, id),
    materials: await openOptional(ctx, 'activities', 'materials', id, row.materials_enc),
    evaluation: await openOptional(ctx, 'activities', 'evaluation', id, row.evaluation_enc),
    tasks: await Promise.all(
      tasks.map(async (t) => ({
        id: t.id,
        title: await openText(ctx, 'activity_tasks', 'title', t.id, t.title_enc),
        dueOn: t.due_on,
        assigneeId: t.assignee_id,
        assigneeName: t.assignee_name,
        done: t.done_at !== null,
      })),
    ),
    requestsFollowed: await requestsFollowed(ctx, id),
    held: row.held_on <= (await todayOf(ctx)),
    canEdit: canActivity(ctx.actor, 'activity.plan', { facilitatorIds }),
    canReport: canActivity(ctx.actor, 'activity.report', { facilitatorIds }),
  };
}

interface Planned {
  typeId: string;
  date: string;
  municipalityId: string;
  hostPartnerId: string | null;
  partnerIds: string[];
  facilitatorIds: string[];
  isPublic: boolean;
}

/** Checks every reference of a planned activity against the organisation's records, and the facilitators' training. */
async function checkPlan(ctx: Ctx, p: Planned): Promise<void> {
  const type = await repo.findActivityType(ctx.db, p.typeId);
  if (!type || type.kind !== 'activity_type' || !type.active)
    throw invalid('typeId', 'unknown_term', 'Not an active activity type');
  if (!(await repo.findMunicipality(ctx.db, p.municipalityId)))
    throw invalid('municipalityId', 'unknown_municipality', 'Choose a place from the list');
  const partnerIds = [...new Set([...p.partnerIds, ...(p.hostPartnerId ? [p.hostPartnerId] : [])])];
  const found = new Set((await repo.existingPartners(ctx.db, partnerIds)).map((x) => x.id));
  const missing = partnerIds.find((id) => !found.has(id));
  if (missing)
    throw invalid(
      missing === p.hostPartnerId ? 'hostPartnerId' : 'partnerIds',
      'unknown_partner',
      'Choose a partner from the directory',
    );
  if (p.isPublic && type.code !== INFO_MEETING_CODE)
    throw invalid('isPublic', 'public_info_meeting_only', 'Only information meetings can be published');
  await assertFacilitators(ctx, p.facilitatorIds, type, p.date);
}

export const createActivity = idempotent(
  'activity',
  async (ctx) => authorizeActivity(ctx.actor, 'activity.plan'),
  async (ctx: Ctx, _orgId: string, input: ActivityCreate) => {
    const actor = ctx.actor as Actor;
    await checkPlan(ctx, input);
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertActivity(ctx.db, {
      id,
      org_id: actor.orgId,
      type_id: input.typeId,
      title: input.title,
      held_on: input.date,
      start_time: input.startTime,
      end_time: input.endTime,
      place: input.place,
      municipality_id: input.municipalityId,
      host_partner_id: input.hostPartnerId,
      languages: [...new Set(input.languages)],
      audience: input.audience,
      is_public: input.isPublic,
      cancelled: false,
      attendees: null,
      materials_enc: null,
      evaluation_enc: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await repo.setFacilitators(ctx.db, actor.orgId, id, [...new Set(input.facilitatorIds)]);
    await repo.setPartners(ctx.db, actor.orgId, id, [...new Set(input.partnerIds)]);
    await audit(ctx, {
      action: 'activity.create',
      entity: 'activity',
      entityId: id,
      // The same codes as an edit writes, so the audit log labels them alike.
      changedFields: Object.keys(input)
        .filter((k) => k !== 'requestId')
        .map((k) => FIELD_CODE_OF[k] ?? COLUMN_OF[k] ?? k),
      details: { facilitators: input.facilitatorIds.length, isPublic: input.isPublic },
    });
    return { id };
  },
);

const COLUMN_OF: Record<string, string> = {
  typeId: 'type_id',
  title: 'title',
  date: 'held_on',
  startTime: 'start_time',
  endTime: 'end_time',
  place: 'place',
  municipalityId: 'municipality_id',
  hostPartnerId: 'host_partner_id',
  languages: 'languages',
  audience: 'audience',
  isPublic: 'is_public',
  cancelled: 'cancelled',
};

/** Audit codes of the fields that are not columns of their own. */
const FIELD_CODE_OF: Record<string, string> = { facilitatorIds: 'facilitators', partnerIds: 'partners' };

/** Edits an activity; the plan is checked as a whole (a new date can make a facilitator's training lapse). */
export async function updateActivity(ctx: Ctx, id: string, input: ActivityUpdate): Promise<Activity> {
  const { row, facilitatorIds } = await load(ctx, id, 'activity.plan');
  const partners = (await repo.partnersOf(ctx.db, id)).map((p) => p.id);
  const next = {
    typeId: input.typeId ?? row.type_id,
    date: input.date ?? row.held_on,
    startTime: input.startTime ?? row.start_time,
    endTime: input.endTime ?? row.end_time,
    municipalityId: input.municipalityId ?? row.municipality_id,
    hostPartnerId: input.hostPartnerId !== undefined ? input.hostPartnerId : row.host_partner_id,
    partnerIds: input.partnerIds ?? partners,
    facilitatorIds: input.facilitatorIds ?? facilitatorIds,
    isPublic: input.isPublic ?? row.is_public,
  };
  if (next.endTime <= next.startTime) throw invalid('endTime', 'ends_before_start', 'Ends after it starts');
  await checkPlan(ctx, next);
  const patch: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMN_OF)) {
    const value = input[key as keyof ActivityUpdate];
    if (value !== undefined) patch[column] = key === 'languages' ? [...new Set(value as string[])] : value;
  }
  const changed = [
    ...Object.keys(patch),
    ...(input.facilitatorIds ? ['facilitators'] : []),
    ...(input.partnerIds ? ['partners'] : []),
  ];
  if (changed.length === 0) return getActivity(ctx, id);
  await repo.updateActivity(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
  if (input.facilitatorIds)
    await repo.setFacilitators(ctx.db, ctx.actor.orgId, id, [...new Set(input.facilitatorIds)]);
  if (input.partnerIds) await repo.setPartners(ctx.db, ctx.actor.orgId, id, [...new Set(input.partnerIds)]);
  await audit(ctx, { action: 'activity.update', entity: 'activity', entityId: id, changedFields: changed });
  return getActivity(ctx, id);
}

/** Records what happened, afterwards: the number of attendees (a count), materials and the evaluation. */
export async function recordReport(ctx: Ctx, id: string, input: ActivityReport): Promise<Activity> {
  const { row } = await load(ctx, id, 'activity.report');
  if (input.attendees !== undefined && input.attendees !== null && row.held_on > (await todayOf(ctx)))
    throw invalid('attendees', 'not_yet_held', 'Attendance is recorded after the activity');
  const patch = {
    ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
    ...(input.materials !== undefined
      ? { materials_enc: await sealOptional(ctx, 'activities', 'materials', id, input.materials) }
      : {}),
    ...(input.evaluation !== undefined
      ? { evaluation_enc: await sealOptional(ctx, 'activities', 'evaluation', id, input.evaluation) }
      : {}),
  };
  const changed = Object.keys(patch).map((k) => k.replace(/_enc$/, ''));
  if (changed.length) {
    await repo.updateActivity(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, { action: 'activity.report', entity: 'activity', entityId: id, changedFields: changed });
  }
  return getActivity(ctx, id);
}

/**
 * For the public site (built separately): the organisation's upcoming public information meetings from
 * `from` on, with only what may be published. Run inside a transaction scoped to that organisation.
 */
export async function findUpcomingPublicMeetings(db: Db, organisationId: string, from: string | Date) {
  const day = typeof from === 'string' ? from : from.toISOString().slice(0, 10);
  return repo.findUpcomingPublicMeetings(db, organisationId, day);
}

/** Checks that a contact's source activity is one of the organisation's activities (intake). */
export async function assertSourceActivity(ctx: Pick<Ctx, 'db'>, id: string): Promise<void> {
  if (!(await repo.activityExists(ctx.db, id)))
    throw invalid('sourceActivityId', 'unknown_activity', 'No such activity');
}
