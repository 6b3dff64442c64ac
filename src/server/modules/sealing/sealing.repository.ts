import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Where a sealed value goes: its table, the key column, and the `*_enc` column. */
export interface SealTarget {
  table: string;
  key: string;
  column: string;
}

/** Organisations with clear values left, through a security-definer look-up that returns ids only. */
export async function backlogOrgIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select sealing_backlog_orgs() as id`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * One organisation at a time: a second instance starting at the same moment waits here, then finds the
 * entries the first one sealed already gone. Released with the transaction.
 */
export async function lockBacklog(db: Db, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`sealing_backlog:${orgId}`}))`.execute(db);
}

export async function takeBacklog(db: Db, limit: number) {
  return db
    .selectFrom('sealing_backlog')
    .select(['table_name', 'column_name', 'row_id', 'value'])
    .orderBy('table_name')
    .orderBy('column_name')
    .orderBy('row_id')
    .limit(limit)
    .execute();
}

/**
 * Stores a sealed value, unless the row already holds one (a newer value written since wins). `target` comes
 * from the service's closed list, never from the data, so the identifiers below are fixed.
 */
export async function writeSealed(db: Db, target: SealTarget, rowId: string, sealed: Buffer): Promise<void> {
  await sql`update ${sql.table(target.table)} set ${sql.ref(target.column)} = ${sealed}
    where ${sql.ref(target.key)} = ${rowId} and ${sql.ref(target.column)} is null`.execute(db);
}

export async function deleteBacklogEntry(
  db: Db,
  entry: { table_name: string; column_name: string; row_id: string },
): Promise<void> {
  await db
    .deleteFrom('sealing_backlog')
    .where('table_name', '=', entry.table_name)
    .where('column_name', '=', entry.column_name)
    .where('row_id', '=', entry.row_id)
    .execute();
}
