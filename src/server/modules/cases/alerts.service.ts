import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../lib/context.js';
import { coordinatorIds } from './cases.repository.js';

/** In-app alerts carry a case id and a kind; never case content. */
export async function notifyUrgent(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, caseId: string): Promise<void> {
  const now = ctx.clock.now();
  const ids = await coordinatorIds(ctx.db, ctx.actor.orgId);
  if (ids.length === 0) return;
  await ctx.db
    .insertInto('alerts')
    .values(
      ids.map((userId) => ({
        id: randomUUID(),
        org_id: ctx.actor.orgId,
        user_id: userId,
        kind: 'urgent_case' as const,
        case_id: caseId,
        created_at: now,
      })),
    )
    .execute();
}

export async function alertUser(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  userId: string,
  kind: 'task_due',
  caseId: string,
): Promise<void> {
  await ctx.db
    .insertInto('alerts')
    .values({
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      user_id: userId,
      kind,
      case_id: caseId,
      created_at: ctx.clock.now(),
    })
    .execute();
}
