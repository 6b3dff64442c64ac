import { sql, type Kysely } from 'kysely';

/**
 * Issue 15, the case list at scale: a page sorted by last activity (the coordinator's default working view and
 * the intake queue) walks an index in order and stops after one page, instead of joining and sorting all of
 * an organisation's cases first (measured: 667 of them for 26 rows). The state filter gets its own ordered
 * index because the intake queue is a state. Each row's count of overdue tasks reads that case's open tasks
 * only, not every overdue task of the organisation. `if not exists`: a benchmark database may have them already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create index if not exists cases_activity_idx on cases (org_id, last_activity_at desc, id desc)`,
    sql`create index if not exists cases_state_activity_idx on cases (org_id, state, last_activity_at desc, id desc)`,
    sql`create index if not exists tasks_open_case_idx on tasks (case_id, due_on)
          where done_at is null and cancelled_at is null`,
  ])
    await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
