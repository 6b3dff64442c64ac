import { randomUUID } from 'node:crypto';
import type { ActivityTaskCreate } from '../../../shared/activities.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { getActivity, load } from './activities.service.js';
import * as repo from './activities.repository.js';

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, reason, message }] });

/** Follow-up tasks of an activity: planners and the activity's own facilitators add and tick them. */
export const addTask = idempotent(
  'activity_task',
  (ctx, activityId) => load(ctx, activityId, 'activity.task'),
  async (ctx: Ctx, activityId: string, input: ActivityTaskCreate) => {
    const actor = ctx.actor as Actor;
    if (
      input.assigneeId &&
      (await repo.facilitatorCandidates(ctx.db, actor.orgId, [input.assigneeId])).length === 0
    )
      throw invalid('assigneeId', 'unknown_user', 'Not a member of staff');
    const id = randomUUID();
    await repo.insertTask(ctx.db, {
      id,
      org_id: actor.orgId,
      activity_id: activityId,
      title_enc: await sealText(ctx, 'activity_tasks', 'title', id, input.title),
      due_on: input.dueOn,
      assignee_id: input.assigneeId,
      done_at: null,
      created_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'activity.task_add',
      entity: 'activity_task',
      entityId: id,
      changedFields: ['title', 'due_on', 'assignee_id'],
      details: { activityId },
    });
    return { id };
  },
);

export async function updateTask(ctx: Ctx, activityId: string, taskId: string, done: boolean) {
  await load(ctx, activityId, 'activity.task');
  const task = await repo.findTask(ctx.db, taskId);
  if (!task || task.activity_id !== activityId) throw new AppError('not_found', 'No such task');
  if ((task.done_at !== null) !== done) {
    await repo.setTaskDone(ctx.db, taskId, done ? ctx.clock.now() : null);
    await audit(ctx, {
      action: 'activity.task_update',
      entity: 'activity_task',
      entityId: taskId,
      changedFields: ['done'],
      details: { activityId, done },
    });
  }
  return getActivity(ctx, activityId);
}
