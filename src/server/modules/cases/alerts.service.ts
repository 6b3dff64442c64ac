import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../lib/context.js';
import type { AlertsTable } from './cases.table.js';
import { insertAlerts as insertAlertRows } from './case-items.repository.js';
import { coordinatorIds } from './cases.repository.js';

type AlertCtx = Pick<Ctx, 'db' | 'actor' | 'clock'>;
export type AlertKind = AlertsTable['kind'];

/** In-app alerts carry a case id and a kind; never case content. */
async function insertAlerts(
  ctx: AlertCtx,
  userIds: string[],
  kind: AlertKind,
  caseId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await insertAlertRows(
    ctx.db,
    userIds.map((userId) => ({
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      user_id: userId,
      kind,
      case_id: caseId,
      created_at: now,
    })),
  );
}

export async function alertUser(
  ctx: AlertCtx,
  userId: string,
  kind: AlertKind,
  caseId: string,
): Promise<void> {
  await insertAlerts(ctx, [userId], kind, caseId);
}

/** Alerts every active coordinator of the organisation at once; returns who was alerted. */
export async function alertCoordinators(ctx: AlertCtx, kind: AlertKind, caseId: string): Promise<string[]> {
  const ids = await coordinatorIds(ctx.db, ctx.actor.orgId);
  await insertAlerts(ctx, ids, kind, caseId);
  return ids;
}

export async function notifyUrgent(ctx: AlertCtx, caseId: string): Promise<void> {
  await alertCoordinators(ctx, 'urgent_case', caseId);
}
