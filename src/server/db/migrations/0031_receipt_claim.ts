import { sql, type Kysely } from 'kysely';

/**
 * A create now claims its request id first (the receipt row, inserted before the record exists) and names
 * the record once made: the runtime role may set a receipt's record id, and nothing else of it. This replaces
 * an advisory lock and a look-up on every idempotent create (lib/idempotency.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`grant update (entity_id) on request_receipts to confidant_runtime`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
