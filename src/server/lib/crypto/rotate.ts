import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import { unwrapKey, wrapKey } from './keyring.js';
import { lockAllOrgKeys, updateOrgKeyWrapping } from './keyring.repository.js';
import type { MasterKey } from './master-key.js';

/**
 * Re-wraps every organisation's data keys under a new master key, in one transaction, on an owner
 * connection. The data itself is not touched: only the wrapping changes. Returns the number of keys.
 */
export async function rewrapAllOrgKeys(
  ownerDb: Kysely<DB>,
  known: MasterKey[],
  next: MasterKey,
): Promise<number> {
  return ownerDb.transaction().execute(async (trx) => {
    const rows = await lockAllOrgKeys(trx);
    for (const row of rows) {
      if (row.master_key_id === next.id) continue;
      const master = known.find((m) => m.id === row.master_key_id);
      if (!master)
        throw new Error(
          `Key of organisation ${row.org_id} is wrapped by unknown master key ${row.master_key_id}`,
        );
      const key = unwrapKey(master, row.wrapped_key, row.org_id, row.version);
      await updateOrgKeyWrapping(trx, row, wrapKey(next, key, row.org_id, row.version), next.id);
    }
    return rows.length;
  });
}
