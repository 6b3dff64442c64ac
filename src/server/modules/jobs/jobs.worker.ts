import { randomUUID } from 'node:crypto';
import type { Deps } from '../../lib/deps.js';
import { scheduleCheckpoint } from '../audit/audit.jobs.js';
import { linkWaiting } from '../audit/audit.linker.js';
import { scheduleRollups } from '../reports/reports.jobs.js';
import { deleteWindowsBefore } from '../ratelimit/ratelimit.repository.js';
import { purgeExpiredSessions } from './jobs.repository.js';
import { enqueueSystem, runDueJobs, type JobHandler } from './jobs.service.js';

const HOUR = 3_600_000;

/** Installation-wide housekeeping. Each run schedules the next one, deduplicated by the hour. */
export const systemHandlers: Record<string, JobHandler> = {
  'sessions.purge': async (ctx) => {
    await purgeExpiredSessions(ctx.db, ctx.clock.now());
    await scheduleHourly(ctx.db, 'sessions.purge', ctx.clock.now());
  },
  // API rate-limit windows last a minute; an hour's margin keeps the table small.
  'ratelimit.purge': async (ctx) => {
    await deleteWindowsBefore(ctx.db, new Date(ctx.clock.now().getTime() - HOUR));
    await scheduleHourly(ctx.db, 'ratelimit.purge', ctx.clock.now());
  },
};

async function scheduleHourly(
  db: Deps['db'] | Parameters<JobHandler>[0]['db'],
  kind: string,
  now: Date,
): Promise<void> {
  const next = new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);
  await enqueueSystem(db, { kind, runAt: next, dedupeKey: `${kind}:${next.toISOString()}` }, now);
}

/** How often each instance links the audit and access-log entries written since its last pass. */
export const LINK_EVERY_MS = 1000;

/**
 * Polls the queue until stopped, and runs the audit linker every `linkEveryMs`. Safe to run in every
 * instance: a job is claimed by one worker (SKIP LOCKED on the job row), and an organisation's chain by one
 * linker at a time (SKIP LOCKED on its head row), so running it in N instances only makes a pass likelier to
 * find nothing to do.
 *
 * The linker is a loop of its own rather than a queued job: a job per second per instance would be two
 * writes to the jobs table a second for nothing, and a pass that finds nothing costs one read of a small
 * partial index (`audit_unlinked_orgs()`).
 */
export function startWorker(
  deps: Deps,
  handlers: Record<string, JobHandler>,
  opts: { linkEveryMs?: number } = {},
): { stop(): Promise<void> } {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const linkEveryMs = opts.linkEveryMs ?? LINK_EVERY_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let linkTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let linking: Promise<void> = Promise.resolve();

  const link = async () => {
    try {
      const r = await linkWaiting(deps.db, deps.keyring);
      if (r.badMacs > 0) {
        // An entry edited after it was written (by someone with database rights): audit:verify names it.
        deps.log.error({ badMacs: r.badMacs }, 'audit linker: entries whose own MAC does not verify');
      }
    } catch (err) {
      deps.log.error({ err: (err as Error).message }, 'audit linker pass failed');
    }
    if (!stopped) {
      linkTimer = setTimeout(() => {
        linking = link();
      }, linkEveryMs);
    }
  };

  const tick = async () => {
    try {
      while (!stopped && (await runDueJobs(deps, handlers, workerId)) > 0) {
        /* keep draining */
      }
    } catch (err) {
      deps.log.error({ err: (err as Error).message }, 'job worker tick failed');
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = tick();
      }, deps.config.jobsPollMs);
  };
  const now = deps.clock.now();
  running = Promise.all(Object.keys(systemHandlers).map((kind) => scheduleHourly(deps.db, kind, now)))
    .then(() => scheduleCheckpoint(deps.db, now))
    .then(() => scheduleRollups(deps.db, now))
    .then(tick);
  linkTimer = setTimeout(() => {
    linking = link();
  }, linkEveryMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (linkTimer) clearTimeout(linkTimer);
      await running;
      await linking;
    },
  };
}
