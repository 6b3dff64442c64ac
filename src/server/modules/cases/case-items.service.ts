import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  GoalInputSchema,
  GoalUpdateSchema,
  InterventionInputSchema,
  LogEntryInputSchema,
  ObservationInputSchema,
  StatusEventInputSchema,
  SubjectInputSchema,
  TaskInputSchema,
  TaskUpdateSchema,
} from '../../../shared/cases.schema.js';
import type { TaskKind } from '../../../shared/cases.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { sealOptional, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { enqueue } from '../jobs/jobs.service.js';
import { assertTerm } from '../taxonomies/taxonomies.service.js';
import { reminderAt } from './aftercare.service.js';
import { mayBeTaskAssignee } from './cases.policy.js';
import { loadCase } from './cases.service.js';
import * as items from './case-items.repository.js';
import { touchCase } from './cases.repository.js';
import { findLogByRequest } from './case-contents.repository.js';

/** Loads the case for editing, and returns the acting user (a case is only edited by a person). */
async function editable(ctx: Ctx, caseId: string): Promise<Actor> {
  await loadCase(ctx, caseId, 'case.edit');
  return ctx.actor as Actor;
}

async function done(
  ctx: Ctx,
  caseId: string,
  action: string,
  entity: string,
  entityId: string,
  changedFields: string[],
) {
  await touchCase(ctx.db, caseId, ctx.clock.now());
  await audit(ctx, { action, entity, entityId, changedFields, details: { caseId } });
  return { id: entityId };
}

const notFound = (what: string) => new AppError('not_found', `No such ${what}`);

/** The person of concern: alias, relation, age band, gender, municipality — no ethnicity or religion. */
export const addSubject = idempotent(
  'case_subject',
  editable,
  async (ctx: Ctx, caseId: string, input: z.infer<typeof SubjectInputSchema>, actor: Actor) => {
    if (input.relationId) await assertTerm(ctx, input.relationId, 'relation', 'relationId');
    const id = randomUUID();
    await items.insertSubject(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      alias_enc: await sealText(ctx, 'case_subjects', 'alias', id, input.alias),
      relation_id: input.relationId,
      age_band: input.ageBand,
      gender: input.gender,
      municipality: input.municipality,
      created_at: ctx.clock.now(),
    });
    return done(ctx, caseId, 'case.subject_add', 'case_subject', id, [
      'alias',
      'relation_id',
      'age_band',
      'gender',
      'municipality',
    ]);
  },
);

export const addStatusEvent = idempotent(
  'subject_status_event',
  editable,
  async (ctx: Ctx, caseId: string, input: z.infer<typeof StatusEventInputSchema>, actor: Actor) => {
    if (!(await items.subjectOfCase(ctx.db, input.subjectId, caseId)))
      throw invalidField('subjectId', 'unknown_subject', 'Not a person of this case');
    const id = randomUUID();
    await items.insertStatusEvent(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      subject_id: input.subjectId,
      status: input.status,
      occurred_on: input.occurredOn,
      note_enc: input.note ? await sealText(ctx, 'subject_status_events', 'note', id, input.note) : null,
      recorded_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    return done(ctx, caseId, 'case.status_add', 'subject_status_event', id, [
      'status',
      'occurred_on',
      ...(input.note ? ['note'] : []),
    ]);
  },
);

/** Factual signals and protective factors, dated; recorded by people, never scored. */
export const addObservation = idempotent(
  'case_observation',
  editable,
  async (ctx: Ctx, caseId: string, input: z.infer<typeof ObservationInputSchema>, actor: Actor) => {
    const id = randomUUID();
    await items.insertObservation(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      kind: input.kind,
      observed_on: input.observedOn,
      text_enc: await sealText(ctx, 'case_observations', 'text', id, input.text),
      recorded_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    return done(ctx, caseId, 'case.observation_add', 'case_observation', id, ['kind', 'observed_on', 'text']);
  },
);

export const addGoal = idempotent(
  'case_goal',
  editable,
  async (ctx: Ctx, caseId: string, input: z.infer<typeof GoalInputSchema>, actor: Actor) => {
    const id = randomUUID();
    const now = ctx.clock.now();
    await items.insertGoal(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      text_enc: await sealText(ctx, 'case_goals', 'text', id, input.text),
      status: 'open',
      created_at: now,
      updated_at: now,
    });
    return done(ctx, caseId, 'case.goal_add', 'case_goal', id, ['text', 'status']);
  },
);

export async function updateGoal(
  ctx: Ctx,
  caseId: string,
  goalId: string,
  input: z.infer<typeof GoalUpdateSchema>,
) {
  await editable(ctx, caseId);
  const updated = await items.updateGoalStatus(ctx.db, {
    caseId,
    goalId,
    status: input.status,
    now: ctx.clock.now(),
  });
  if (!updated) throw notFound('goal');
  return done(ctx, caseId, 'case.goal_update', 'case_goal', goalId, ['status']);
}

/** A dated contact with the family. Idempotent on requestId: a retried save adds nothing. */
export async function addLogEntry(ctx: Ctx, caseId: string, input: z.infer<typeof LogEntryInputSchema>) {
  const actor = await editable(ctx, caseId);
  // Same request id → one holder at a time, so a concurrent retry sees the first entry.
  await items.lockLogRequest(ctx.db, input.requestId);
  const existing = await findLogByRequest(ctx.db, input.requestId);
  if (existing) {
    if (existing.case_id !== caseId)
      throw new AppError('conflict', 'This request id was used for another case');
    return { id: existing.id };
  }
  const id = randomUUID();
  await items.insertLogEntryOnce(ctx.db, {
    id,
    org_id: actor.orgId,
    case_id: caseId,
    request_id: input.requestId,
    occurred_at: new Date(input.occurredAt),
    channel: input.channel,
    duration_minutes: input.durationMinutes,
    with_whom_enc: await sealOptional(ctx, 'case_log', 'with_whom', id, input.withWhom),
    note_enc: await sealText(ctx, 'case_log', 'note', id, input.note),
    author_id: actor.userId,
    created_at: ctx.clock.now(),
  });
  return done(ctx, caseId, 'case.log_add', 'case_log', id, [
    'occurred_at',
    'channel',
    'duration_minutes',
    ...(input.withWhom ? ['with_whom'] : []),
    'note',
  ]);
}

/** Records an intervention. I8/I9 are recorded here; sending a referral is the referral module's job, with consent. */
export const addIntervention = idempotent(
  'case_intervention',
  editable,
  async (ctx: Ctx, caseId: string, input: z.infer<typeof InterventionInputSchema>, actor: Actor) => {
    await assertTerm(ctx, input.interventionId, 'intervention', 'interventionId');
    const id = randomUUID();
    await items.insertIntervention(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      intervention_id: input.interventionId,
      occurred_on: input.occurredOn,
      note_enc: input.note ? await sealText(ctx, 'case_interventions', 'note', id, input.note) : null,
      recorded_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    return done(ctx, caseId, 'case.intervention_add', 'case_intervention', id, [
      'intervention_id',
      'occurred_on',
    ]);
  },
);

export const addTask = idempotent(
  'task',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: z.infer<typeof TaskInputSchema>, { row }) => {
    const actor = ctx.actor as Actor;
    const id = randomUUID();
    const assignee = input.assigneeId ?? row.counsellor_id ?? actor.userId;
    if (input.assigneeId) {
      // Only someone who may see the case: its counsellor, or a coordinator.
      const user = await items.activeUser(ctx.db, input.assigneeId);
      if (!user || !mayBeTaskAssignee(user, row.counsellor_id))
        throw invalidField('assigneeId', 'not_on_case', 'Assign the case’s counsellor or a coordinator');
    }
    await items.insertTask(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      kind: 'follow_up',
      title_enc: await sealText(ctx, 'tasks', 'title', id, input.title),
      due_on: input.dueOn,
      assignee_id: assignee,
      created_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    await enqueue(ctx, {
      kind: 'task.due',
      payload: { taskId: id },
      runAt: await reminderAt(ctx, input.dueOn),
      dedupeKey: `task.due:${id}`,
    });
    return done(ctx, caseId, 'case.task_add', 'task', id, ['title', 'due_on', 'assignee_id']);
  },
);

export async function updateTask(
  ctx: Ctx,
  caseId: string,
  taskId: string,
  input: z.infer<typeof TaskUpdateSchema>,
) {
  // Aftercare check-ins are ticked off after closure too, so this needs view (not edit) rights on the case.
  await loadCase(ctx, caseId, 'case.view');
  const updated = await items.setTaskDone(ctx.db, {
    caseId,
    taskId,
    doneAt: input.done ? ctx.clock.now() : null,
  });
  if (!updated) throw notFound('task');
  return done(ctx, caseId, 'case.task_update', 'task', taskId, ['done_at']);
}

/**
 * A task the system creates because of something recorded on the case (verbal consent to make written,
 * partners to inform after a withdrawal, a caller to inform after an emergency disclosure). The caller has
 * already checked access. Reminded on its due day by a durable job, like every task.
 */
export async function addSystemTask(
  ctx: Ctx,
  input: {
    caseId: string;
    kind: Exclude<TaskKind, 'follow_up' | 'aftercare'>;
    title: string;
    dueOn: string;
    assigneeId: string | null;
    refId: string;
  },
): Promise<string> {
  const id = randomUUID();
  await items.insertTask(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    case_id: input.caseId,
    kind: input.kind,
    title_enc: await sealText(ctx, 'tasks', 'title', id, input.title),
    due_on: input.dueOn,
    assignee_id: input.assigneeId,
    ref_id: input.refId,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: ctx.clock.now(),
  });
  await enqueue(ctx, {
    kind: 'task.due',
    payload: { taskId: id },
    runAt: await reminderAt(ctx, input.dueOn),
    dedupeKey: `task.due:${id}`,
  });
  await done(ctx, input.caseId, `case.task_${input.kind}`, 'task', id, ['title', 'due_on', 'assignee_id']);
  return id;
}

/** Closes the open system tasks that something made, once it no longer needs doing. */
export async function completeSystemTasks(ctx: Ctx, refId: string, kind: TaskKind): Promise<void> {
  const closed = await items.completeOpenTasks(ctx.db, { refId, kind, now: ctx.clock.now() });
  for (const taskId of closed)
    await audit(ctx, {
      action: 'case.task_done',
      entity: 'task',
      entityId: taskId,
      changedFields: ['done_at'],
    });
}
