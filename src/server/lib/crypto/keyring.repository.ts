import type { Kysely } from 'kysely';
import type { DB, Db } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';

/** A data key as stored: wrapped by the master key named by `master_key_id`. */
export interface WrappedKeyRow {
  org_id: string;
  version: number;
  wrapped_key: Buffer;
  master_key_id: string;
}

export async function insertOrgKey(
  db: Db,
  row: { org_id: string; version: number; wrapped_key: Buffer; master_key_id: string; created_at: Date },
): Promise<void> {
  await db.insertInto('org_keys').values(row).execute();
}

/** The organisation's newest data key, wrapped; `db` must be scoped to that organisation. */
export async function findCurrentOrgKey(db: Db, orgId: string): Promise<WrappedKeyRow | undefined> {
  const row = await db
    .selectFrom('org_keys')
    .select(['org_id', 'version', 'wrapped_key', 'master_key_id'])
    .where('org_id', '=', orgId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, wrapped_key: toBuffer(row.wrapped_key) };
}

/** Every organisation's data keys, locked for the rest of the transaction (owner connection: no RLS). */
export async function lockAllOrgKeys(ownerTrx: Kysely<DB>): Promise<WrappedKeyRow[]> {
  const rows = await ownerTrx
    .selectFrom('org_keys')
    .select(['org_id', 'version', 'wrapped_key', 'master_key_id'])
    .forUpdate()
    .execute();
  return rows.map((r) => ({ ...r, wrapped_key: toBuffer(r.wrapped_key) }));
}

/** Stores a data key wrapped anew, under the master key `masterKeyId`. */
export async function updateOrgKeyWrapping(
  ownerTrx: Kysely<DB>,
  key: { org_id: string; version: number },
  wrapped: Buffer,
  masterKeyId: string,
): Promise<void> {
  await ownerTrx
    .updateTable('org_keys')
    .set({ wrapped_key: wrapped, master_key_id: masterKeyId })
    .where('org_id', '=', key.org_id)
    .where('version', '=', key.version)
    .execute();
}
