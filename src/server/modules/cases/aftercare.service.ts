import { randomUUID } from 'node:crypto';
import type { SupportLevel } from '../../../shared/cases.schema.js';
import { DEFAULT_AFTERCARE, type AftercareSchedule } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { enqueue } from '../jobs/jobs.service.js';

export async function aftercareSchedule(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<AftercareSchedule> {
  const org = await ctx.db
    .selectFrom('organisations')
    .select('aftercare_schedule')
    .where('id', '=', ctx.actor.orgId)
    .executeTakeFirst();
  return org?.aftercare_schedule ?? DEFAULT_AFTERCARE;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Creates the aftercare check-ins for the support level, and a durable job per check-in that reminds the
 * counsellor on the day (a job, so it survives restarts and runs once across instances).
 */
export async function scheduleAftercare(
  ctx: Ctx,
  input: { caseId: string; level: SupportLevel; assigneeId: string | null; closedOn: string },
): Promise<number> {
  const days = (await aftercareSchedule(ctx))[input.level];
  const now = ctx.clock.now();
  for (const [i, offset] of days.entries()) {
    const id = randomUUID();
    const dueOn = addDays(input.closedOn, offset);
    await ctx.db
      .insertInto('tasks')
      .values({
        id,
        org_id: ctx.actor.orgId,
        case_id: input.caseId,
        kind: 'aftercare',
        title_enc: await sealText(ctx, 'tasks', 'title', id, `${i + 1}/${days.length}`),
        due_on: dueOn,
        assignee_id: input.assigneeId,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
      })
      .execute();
    await enqueue(ctx, {
      kind: 'task.due',
      payload: { taskId: id },
      runAt: new Date(`${dueOn}T07:00:00Z`),
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
  const cancelled = await ctx.db
    .updateTable('tasks')
    .set({ cancelled_at: ctx.clock.now() })
    .where('case_id', '=', caseId)
    .where('kind', '=', 'aftercare')
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  if (cancelled.length) {
    await audit(ctx, {
      action: 'case.aftercare_cancelled',
      entity: 'case',
      entityId: caseId,
      details: { checks: cancelled.length },
    });
  }
}
