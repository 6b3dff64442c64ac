import { randomUUID } from 'node:crypto';
import type { SupportLevel } from '../../../shared/cases.schema.js';
import { DEFAULT_AFTERCARE, type AftercareSchedule } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, instantAt, type Day } from '../../lib/dates.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { enqueue } from '../jobs/jobs.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import * as items from './case-items.repository.js';
import { aftercareScheduleOf } from './cases.repository.js';

/** Task reminders go out at this hour on the due day, in the organisation's time zone. */
const REMINDER_HOUR = 8;

/** When the reminder of a task due on `dueOn` goes out: 08:00 that day where the organisation is. */
export async function reminderAt(ctx: Pick<Ctx, 'db' | 'actor'>, dueOn: Day): Promise<Date> {
  return instantAt(await getTimeZone(ctx.db, ctx.actor.orgId), dueOn, REMINDER_HOUR);
}

export async function aftercareSchedule(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<AftercareSchedule> {
  return (await aftercareScheduleOf(ctx.db, ctx.actor.orgId)) ?? DEFAULT_AFTERCARE;
}

/**
 * Creates the aftercare check-ins for the support level, and a durable job per check-in that reminds the
 * counsellor in the morning of the due day, local time (a job, so it survives restarts and runs once across
 * instances).
 */
export async function scheduleAftercare(
  ctx: Ctx,
  input: { caseId: string; level: SupportLevel; assigneeId: string | null; closedOn: Day },
): Promise<number> {
  const days = (await aftercareSchedule(ctx))[input.level];
  const now = ctx.clock.now();
  const timeZone = await getTimeZone(ctx.db, ctx.actor.orgId);
  for (const [i, offset] of days.entries()) {
    const id = randomUUID();
    const dueOn = addDays(input.closedOn, offset);
    await items.insertTask(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      case_id: input.caseId,
      kind: 'aftercare',
      title_enc: await sealText(ctx, 'tasks', 'title', id, `${i + 1}/${days.length}`),
      due_on: dueOn,
      assignee_id: input.assigneeId,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: now,
    });
    await enqueue(ctx, {
      kind: 'task.due',
      payload: { taskId: id },
      runAt: instantAt(timeZone, dueOn, REMINDER_HOUR),
      dedupeKey: `task.due:${id}`,
    });
  }
  if (days.length) {
    await audit(ctx, {
      action: 'case.aftercare_scheduled',
      entity: 'case',
      entityId: input.caseId,
      details: { level: input.level, checks: days.length },
    });
  }
  return days.length;
}

/** Cancels a case's open aftercare check-ins (kept, marked cancelled, audited). */
export async function cancelOpenAftercare(ctx: Ctx, caseId: string): Promise<void> {
  const cancelled = await items.cancelOpenAftercareTasks(ctx.db, caseId, ctx.clock.now());
  if (cancelled.length) {
    await audit(ctx, {
      action: 'case.aftercare_cancelled',
      entity: 'case',
      entityId: caseId,
      details: { checks: cancelled.length },
    });
  }
}
