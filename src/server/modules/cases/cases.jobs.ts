import type { JobHandler } from '../jobs/jobs.service.js';
import { queueNotice } from '../notifications/notifications.service.js';
import { alertUser } from './alerts.service.js';
import { taskForReminder } from './case-items.repository.js';

/** On a task's due day, the assignee gets an in-app alert (no content, just "a task is due"). */
export const caseJobHandlers: Record<string, JobHandler> = {
  'task.due': async (ctx, payload) => {
    const taskId = String(payload.taskId);
    const task = await taskForReminder(ctx.db, taskId);
    if (!task || task.done_at || task.cancelled_at || !task.assignee_id) return;
    await alertUser(ctx, task.assignee_id, 'task_due', task.case_id);
    await queueNotice(ctx, task.assignee_id, 'task_due', taskId);
  },
};
