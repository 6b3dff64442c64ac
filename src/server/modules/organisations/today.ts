import type { Ctx } from '../../lib/context.js';
import { todayIn, type Day } from '../../lib/dates.js';
import { getTimeZone } from './organisations.repository.js';

/**
 * Today in the organisation's time zone: at 00:30 in Amsterdam it is already tomorrow, whatever UTC says. The one
 * definition every module uses for due dates, consent validity, aftercare and training.
 */
export async function todayOf(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>): Promise<Day> {
  return todayIn(await getTimeZone(ctx.db, ctx.actor.orgId), ctx.clock.now());
}
