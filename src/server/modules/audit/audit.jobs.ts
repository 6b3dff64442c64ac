import type { Db } from '../../db/database.js';
import { enqueueSystem, type JobHandler } from '../jobs/jobs.service.js';
import * as repo from './audit.repository.js';
import { verifyAndCheckpoint } from './audit.service.js';

const DAY = 86_400_000;

/** Today's checkpoint run (now, unless it already ran today); every run schedules the next day's. */
export async function scheduleCheckpoint(db: Db, now: Date, runAt: Date = now): Promise<void> {
  const day = runAt.toISOString().slice(0, 10);
  await enqueueSystem(db, { kind: 'audit.checkpoint', runAt, dedupeKey: `audit.checkpoint:${day}` }, now);
}

/**
 * The daily checkpoint: for every organisation, link what is waiting, verify both chains against the last
 * checkpoint and, if they are intact, append a new one. A broken chain gets no new checkpoint (it would bless the tampering); the
 * job fails naming only organisation ids and problems, so the failure shows in the log and is retried.
 */
export const auditJobHandlers: Record<string, JobHandler> = {
  'audit.checkpoint': async (ctx) => {
    if (!ctx.dataDir) throw new Error('audit.checkpoint needs the data directory');
    const now = ctx.clock.now();
    const problems: string[] = [];
    for (const orgId of await repo.listOrgIdsForCheckpoint(ctx.db)) {
      await repo.scopeToOrg(ctx.db, orgId);
      const r = await verifyAndCheckpoint(ctx.db, ctx.keyring, orgId, {
        dataDir: ctx.dataDir,
        now,
        write: true,
      });
      if (!r.ok) problems.push(`${orgId}: audit ${r.problem ?? 'ok'}, access ${r.accessLog.problem ?? 'ok'}`);
    }
    await repo.scopeToOrg(ctx.db, '');
    const next = new Date(Math.floor(now.getTime() / DAY) * DAY + DAY);
    await scheduleCheckpoint(ctx.db, now, next);
    if (problems.length > 0) throw new Error(`audit chain verification failed: ${problems.join('; ')}`);
  },
};
