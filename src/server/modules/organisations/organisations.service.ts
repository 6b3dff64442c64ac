import type { OrgSettings } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { aftercareSchedule } from '../cases/aftercare.service.js';

const canRead = (ctx: Ctx) =>
  ctx.actor.kind === 'user' && (ctx.actor.role === 'admin' || ctx.actor.role === 'coordinator');

export async function getSettings(ctx: Ctx): Promise<OrgSettings> {
  if (!canRead(ctx)) throw new AppError('forbidden');
  return { aftercareSchedule: await aftercareSchedule(ctx) };
}

/** The admin sets the aftercare intervals per support level; closed cases keep the tasks they got. */
export async function updateSettings(ctx: Ctx, input: OrgSettings): Promise<OrgSettings> {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'admin') throw new AppError('forbidden');
  const sorted = {
    light: [...input.aftercareSchedule.light].sort((a, b) => a - b),
    moderate: [...input.aftercareSchedule.moderate].sort((a, b) => a - b),
    intensive: [...input.aftercareSchedule.intensive].sort((a, b) => a - b),
  };
  await ctx.db
    .updateTable('organisations')
    .set({ aftercare_schedule: JSON.stringify(sorted), updated_at: ctx.clock.now() })
    .where('id', '=', ctx.actor.orgId)
    .execute();
  await audit(ctx, {
    action: 'organisation.settings_update',
    entity: 'organisation',
    entityId: ctx.actor.orgId,
    changedFields: ['aftercare_schedule'],
  });
  return { aftercareSchedule: sorted };
}
