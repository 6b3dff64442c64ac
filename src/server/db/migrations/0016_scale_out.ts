import { sql, type Kysely } from 'kysely';

/**
 * The coarse per-IP API rate limit, shared by every app instance on one PostgreSQL. Unlogged: the counters
 * are worth nothing after a crash, and skipping the write-ahead log keeps the per-request upsert cheap.
 * Keys are keyed hashes of addresses, never addresses. Plus a counts-only view of the job queue for /metrics.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table api_rate_limit (
      key_hash bytea not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (key_hash, window_start)
    );
    grant select, insert, update, delete on api_rate_limit to confidant_runtime;

    -- Queue depth for monitoring across all organisations: counts only, never a job's content.
    create function jobs_queue_stats(p_now timestamptz)
      returns table (due bigint, running bigint, failed bigint)
      language sql stable security definer set search_path = public as $$
        select count(*) filter (where status = 'queued' and run_at <= p_now),
               count(*) filter (where status = 'running'),
               count(*) filter (where status = 'failed')
        from jobs where status in ('queued', 'running', 'failed')
      $$;
    revoke all on function jobs_queue_stats(timestamptz) from public;
    grant execute on function jobs_queue_stats(timestamptz) to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
