import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Queue depth across organisations, through a counts-only SECURITY DEFINER function (jobs are tenant rows). */
export async function queueStats(
  db: Db,
  now: Date,
): Promise<{ due: number; running: number; failed: number }> {
  const { rows } = await sql<{ due: string; running: string; failed: string }>`
    select due, running, failed from jobs_queue_stats(${now})`.execute(db);
  const row = rows[0];
  return { due: Number(row?.due ?? 0), running: Number(row?.running ?? 0), failed: Number(row?.failed ?? 0) };
}
