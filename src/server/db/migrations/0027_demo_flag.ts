import { sql, type Kysely } from 'kysely';

/**
 * Issue 15, demo sandbox: an organisation made by `npm run demo` is marked as demo data, so that every page
 * says so and a reset knows what it may wipe. Set only when the organisation is created; the app cannot
 * change it (no update grant).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column is_demo boolean not null default false`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
