import type { Db } from '../../db/database.js';
import { enqueue, enqueueSystem, type JobHandler } from '../jobs/jobs.service.js';
import * as repo from './audit.repository.js';
import { verifyAndCheckpoint } from './audit.service.js';

const DAY = 86_400_000;

/** Today's checkpoint run (now, unless it already ran today); every run schedules the next day's. */
export async function scheduleCheckpoint(db: Db, now: Date, runAt: Date = now): Promise<void> {
  const day = runAt.toISOString().slice(0, 10);
  await enqueueSystem(db, { kind: 'audit.checkpoint', runAt, dedupeKey: `audit.checkpoint:${day}` }, now);
}

/**
 * The daily checkpoint. The installation-wide job only hands out the day's work: one job per organisation,
 * each in its own transaction, so that no transaction spans every organisation's history (on the embedded
 * database a transaction holds its only connection, and every request would wait for the whole run), a
 * job's lease is never outlived by a long run, and one broken chain is retried on its own.
 */
export const auditJobHandlers: Record<string, JobHandler> = {
  'audit.checkpoint': async (ctx) => {
    const now = ctx.clock.now();
    const day = now.toISOString().slice(0, 10);
    for (const orgId of await repo.listOrgIdsForCheckpoint(ctx.db)) {
      await repo.scopeToOrg(ctx.db, orgId);
      await enqueue(
        { db: ctx.db, clock: ctx.clock, actor: { kind: 'system', orgId } },
        { kind: 'audit.checkpoint.organisation', runAt: now, dedupeKey: `audit.checkpoint:${day}:${orgId}` },
      );
    }
    await repo.scopeToOrg(ctx.db, '');
    const next = new Date(Math.floor(now.getTime() / DAY) * DAY + DAY);
    await scheduleCheckpoint(ctx.db, now, next);
  },

  /**
   * One organisation's checkpoint: link what is waiting, verify both chains against the last checkpoint
   * and, if they are intact, append a new one. It re-hashes every entry once a week (and whenever there is
   * no authentic checkpoint to start from); on the other days only the entries after the last checkpoint
   * (see `verifyOrganisation`), so that a long history does not cost minutes of the server's CPU every
   * night. A broken chain gets no new checkpoint (it would bless the tampering); the job fails naming only
   * the problems, so the failure shows in the log and is retried.
   */
  'audit.checkpoint.organisation': async (ctx) => {
    if (!ctx.dataDir) throw new Error('audit.checkpoint needs the data directory');
    if (!ctx.orgId) throw new Error('audit.checkpoint.organisation runs for one organisation');
    const r = await verifyAndCheckpoint(ctx.db, ctx.keyring, ctx.orgId, {
      dataDir: ctx.dataDir,
      now: ctx.clock.now(),
      write: true,
      walk: 'as_due',
    });
    if (!r.ok) {
      throw new Error(
        `audit chain verification failed: ${ctx.orgId}: audit ${r.problem ?? 'ok'}, access ${r.accessLog.problem ?? 'ok'}`,
      );
    }
  },
};
