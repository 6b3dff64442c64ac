import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, reports: each organisation sets the threshold below which no count is published (3–10,
 * default 5) and whether published counts are rounded to the nearest 5. The database bounds the threshold
 * too, so no path can publish below 3.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations
      add column report_threshold integer not null default 5 check (report_threshold between 3 and 10),
      add column report_round_to_five boolean not null default false;
    grant update (report_threshold, report_round_to_five) on organisations to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
