import { sql, type Kysely } from 'kysely';

/**
 * A request receipt names the record it was created under (the case), so that a replayed request id answers
 * only for that same case. Older receipts keep a null parent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table request_receipts add column parent_id uuid`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
