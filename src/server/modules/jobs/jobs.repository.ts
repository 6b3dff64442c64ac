import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobsTable } from './jobs.table.js';

/** A job as the worker claims it. */
export interface ClaimedJob {
  id: string;
  org_id: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Inserts a job of an organisation; a job with the same dedupe key already queued wins (nothing happens). */
export async function insertJob(db: Db, row: Insertable<JobsTable>): Promise<void> {
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * Inserts an installation-wide job (no organisation) through a security-definer function: the runtime role
 * cannot write rows outside an organisation itself.
 */
export async function insertSystemJob(
  db: Db,
  job: { id: string; kind: string; payload: Record<string, unknown>; dedupeKey: string; runAt: Date },
  now: Date,
): Promise<void> {
  await sql`select jobs_enqueue_system(${job.id}, ${job.kind}, ${JSON.stringify(job.payload)}::jsonb,
    ${job.dedupeKey}, ${job.runAt}, ${now})`.execute(db);
}

/** Claims up to `limit` due jobs for `lockSeconds` (SKIP LOCKED: several workers never take the same one). */
export async function claimDueJobs(
  db: Db,
  workerId: string,
  limit: number,
  lockSeconds: number,
  now: Date,
): Promise<ClaimedJob[]> {
  const { rows } =
    await sql<ClaimedJob>`select * from jobs_claim(${workerId}, ${limit}, ${lockSeconds}, ${now})`.execute(
      db,
    );
  return rows;
}

export async function finishJob(db: Db, id: string, workerId: string, now: Date): Promise<void> {
  await sql`select jobs_finish(${id}, ${workerId}, ${now})`.execute(db);
}

/** Records a failed attempt: retried at `retryAt`, or failed for good after its last attempt. */
export async function failJob(
  db: Db,
  id: string,
  workerId: string,
  message: string,
  retryAt: Date,
  now: Date,
): Promise<void> {
  await sql`select jobs_fail(${id}, ${workerId}, ${message}, ${retryAt}, ${now})`.execute(db);
}

/** Deletes sessions past their expiry (a security-definer function: sessions of every organisation). */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await sql`select sessions_purge(${now})`.execute(db);
}
