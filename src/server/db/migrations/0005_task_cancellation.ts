import { sql, type Kysely } from 'kysely';

/** Tasks that stop being relevant (aftercare of a reopened or finally closed case) are cancelled, never deleted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tasks add column cancelled_at timestamptz`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
