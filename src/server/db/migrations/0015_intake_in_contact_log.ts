import { sql, type Kysely } from 'kysely';

/**
 * The intake call in the case's contact log: an entry made from an intake contact points at that contact
 * (once per contact), and its duration may be unknown, because the intake form does not require one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_log add column contact_id uuid references contacts(id);
    create unique index case_log_contact_idx on case_log (contact_id) where contact_id is not null;
    alter table case_log alter column duration_minutes drop not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
