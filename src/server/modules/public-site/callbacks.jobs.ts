import type { Ctx } from '../../lib/context.js';
import { addDays, instantAt, todayIn } from '../../lib/dates.js';
import { audit } from '../audit/audit.service.js';
import { enqueue, type JobHandler } from '../jobs/jobs.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { findRetentionSettings } from '../organisations/retention.repository.js';
import * as repo from './public-site.repository.js';

export const CALLBACK_PURGE_JOB = 'callback.purge';

/**
 * Queues the organisation's callback purge for tomorrow at 03:00 (its time zone), once per day whoever asks:
 * when a request comes in, and by the purge itself while requests remain.
 */
export async function scheduleCallbackPurge(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>): Promise<void> {
  const timeZone = await getTimeZone(ctx.db, ctx.actor.orgId);
  const tomorrow = addDays(todayIn(timeZone, ctx.clock.now()), 1);
  await enqueue(ctx, {
    kind: CALLBACK_PURGE_JOB,
    runAt: instantAt(timeZone, tomorrow, 3),
    dedupeKey: `${CALLBACK_PURGE_JOB}:${ctx.actor.orgId}:${tomorrow}`,
  });
}

export const callbackJobHandlers: Record<string, JobHandler> = {
  /**
   * Callback requests are not kept: handled ones go at the next run (the contact made from one holds what
   * the case needs), unanswered ones once older than the organisation's retention period (30–365 days).
   * The audit keeps a count-only trace; the requests' own audit entries (create, close, complete) stay and
   * name no content.
   */
  [CALLBACK_PURGE_JOB]: async (ctx) => {
    const orgId = ctx.actor.orgId;
    const { callbackDays } = await findRetentionSettings(ctx.db, orgId);
    const openBefore = new Date(ctx.clock.now().getTime() - callbackDays * 86_400_000);
    const { handled, expired } = await repo.purgeCallbacks(ctx.db, orgId, openBefore);
    if (handled + expired > 0)
      await audit(ctx, {
        action: 'callback.purge',
        entity: 'public_site',
        entityId: orgId,
        changedFields: [],
        details: { handled, expired, callbackDays },
      });
    if (await repo.hasCallbacks(ctx.db, orgId)) await scheduleCallbackPurge(ctx);
  },
};
