import { randomUUID } from 'node:crypto';
import type { Deps } from '../../lib/deps.js';
import { scheduleCheckpoint } from '../audit/audit.jobs.js';
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

/** Polls the queue until stopped. Safe to run in every instance. */
export function startWorker(deps: Deps, handlers: Record<string, JobHandler>): { stop(): Promise<void> } {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

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
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
