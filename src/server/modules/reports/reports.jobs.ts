import type { Db } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { enqueue, enqueueSystem, type JobHandler } from '../jobs/jobs.service.js';
import * as repo from './reports.repository.js';

const DAY = 86_400_000;
/** The first day a full backfill counts from: before any organisation's records. */
const EPOCH_DAY = '2000-01-01';
/**
 * A nightly refresh recounts this many days before the last complete day: records entered late (an intake
 * noted days after the call), reclassified or erased in that window show after the next night. Older changes
 * show after a full refresh (`{ full: true }`).
 */
export const REFRESH_DAYS = 45;

/** Recounts the organisation's rollup: every day on the first run or when asked, else the recent days. */
export async function refreshOrganisationRollup(db: Db, orgId: string, now: Date, full = false) {
  const { timeZone, through } = await repo.lastCompleteDay(db, orgId, now);
  const state = await repo.rollupState(db, orgId);
  const from =
    full || !state ? EPOCH_DAY : addDays(state.through < through ? state.through : through, -REFRESH_DAYS);
  return { from, through, ...(await repo.refreshRollup(db, orgId, { from, through, timeZone, now })) };
}

/** The refresh of one organisation, once a day at most (a retried request or a second night never repeats it). */
export async function enqueueRollup(
  ctx: Parameters<typeof enqueue>[0],
  now: Date,
  payload: { full?: boolean } = {},
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await enqueue(ctx, {
    kind: 'reports.rollup',
    payload,
    runAt: now,
    dedupeKey: `reports.rollup:${ctx.actor.orgId}:${day}`,
  });
}

/** Tonight's run (01:00 UTC the next day, or `runAt`); each run schedules the next night's. */
export async function scheduleRollups(db: Db, now: Date, runAt?: Date): Promise<void> {
  const at = runAt ?? new Date(Math.floor(now.getTime() / DAY) * DAY + DAY + DAY / 24);
  const day = at.toISOString().slice(0, 10);
  await enqueueSystem(
    db,
    { kind: 'reports.rollup.nightly', runAt: at, dedupeKey: `reports.rollup:${day}` },
    now,
  );
}

export const reportJobHandlers: Record<string, JobHandler> = {
  /** One organisation's rollup, in its own transaction (the job's): all of it or nothing. */
  'reports.rollup': async (ctx, payload) => {
    if (!ctx.orgId) throw new Error('reports.rollup runs for an organisation');
    await refreshOrganisationRollup(ctx.db, ctx.orgId, ctx.clock.now(), payload.full === true);
  },
  /** Every night: a refresh job for each organisation, so one large organisation never holds up the others. */
  'reports.rollup.nightly': async (ctx) => {
    const now = ctx.clock.now();
    for (const orgId of await repo.allOrgIds(ctx.db)) {
      await repo.scopeToOrg(ctx.db, orgId);
      await enqueueRollup({ db: ctx.db, actor: { kind: 'system', orgId }, clock: ctx.clock }, now);
    }
    await repo.scopeToOrg(ctx.db, '');
    await scheduleRollups(ctx.db, now);
  },
};
