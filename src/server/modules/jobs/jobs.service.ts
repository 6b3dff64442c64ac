import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { inOrg } from '../../db/database.js';
import type { SystemActor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import type { Deps } from '../../lib/deps.js';
import type { Mailer } from '../../lib/mailer.js';
import * as repo from './jobs.repository.js';

/** A job handler runs in its organisation's transaction (or with the owner-less system context). */
export type JobHandler = (ctx: JobContext, payload: Record<string, unknown>) => Promise<void>;
export type JobContext = Omit<Ctx<SystemActor>, 'db'> & {
  db: Db;
  orgId: string | null;
  mailer?: Mailer;
  publicUrl?: string;
  /** Where the signed audit checkpoints are written. */
  dataDir?: string;
};

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** Jobs with the same key are enqueued once: retried requests never schedule twice. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Enqueues a job of the actor's organisation, in the caller's transaction: it exists only if that commits. */
export async function enqueue(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, input: EnqueueInput): Promise<void> {
  await repo.insertJob(ctx.db, {
    id: randomUUID(),
    org_id: ctx.actor.orgId,
    kind: input.kind,
    payload: JSON.stringify(input.payload ?? {}),
    dedupe_key: input.dedupeKey ?? null,
    run_at: input.runAt,
    max_attempts: input.maxAttempts ?? 5,
    created_at: ctx.clock.now(),
  });
}

/** Enqueues an installation-wide job (no organisation), e.g. purging expired sessions. */
export async function enqueueSystem(
  db: Db,
  input: EnqueueInput & { dedupeKey: string },
  now: Date,
): Promise<void> {
  await repo.insertSystemJob(
    db,
    {
      id: randomUUID(),
      kind: input.kind,
      payload: input.payload ?? {},
      dedupeKey: input.dedupeKey,
      runAt: input.runAt,
    },
    now,
  );
}

const LOCK_SECONDS = 300;

/** Back-off between attempts: 30 s, 2 min, 8 min, … capped at an hour. */
function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 4 ** Math.max(0, attempts - 1));
}

/**
 * Claims due jobs (SKIP LOCKED, so several instances never take the same one) and runs each in its own
 * transaction. A crash leaves the job locked until its lease ends; then another worker takes it again, so
 * handlers must be idempotent.
 */
export async function runDueJobs(
  deps: Deps,
  handlers: Record<string, JobHandler>,
  workerId: string,
  limit = 10,
): Promise<number> {
  const now = deps.clock.now();
  const rows = await repo.claimDueJobs(deps.db, workerId, limit, LOCK_SECONDS, now);
  for (const job of rows) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      const base = {
        clock: deps.clock,
        keyring: deps.keyring,
        dataDir: deps.config.dataDir,
        ...(deps.mailer ? { mailer: deps.mailer } : {}),
        ...(deps.config.publicUrl ? { publicUrl: deps.config.publicUrl } : {}),
      };
      if (job.org_id) {
        const orgId = job.org_id;
        await inOrg(deps.db, orgId, (trx) =>
          handler({ ...base, db: trx, orgId, actor: { kind: 'system', orgId } }, job.payload),
        );
      } else {
        await deps.db
          .transaction()
          .execute((trx) =>
            handler({ ...base, db: trx, orgId: null, actor: { kind: 'system', orgId: '' } }, job.payload),
          );
      }
      await repo.finishJob(deps.db, job.id, workerId, deps.clock.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
      const retryAt = new Date(deps.clock.now().getTime() + retryDelayMs(job.attempts));
      await repo.failJob(deps.db, job.id, workerId, message, retryAt, deps.clock.now());
    }
  }
  return rows.length;
}
