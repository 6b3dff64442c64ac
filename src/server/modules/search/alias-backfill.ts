import { inOrg } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { openText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { aliasIndex } from '../intake/alias.js';
import * as repo from './search.repository.js';

const BATCH = 500;

/**
 * Gives callers recorded before search existed (migration 0017) the keyed index of their alias, before the
 * app serves anything: a migration has no keys, start-up has. Each batch is one transaction per organisation
 * under an advisory lock, with one audit entry; a row that got its index meanwhile is left as it is, so two
 * instances starting together do no harm. New callers get the index when they are saved (intake), so every
 * later start finds nothing to do (one query). Returns how many callers it indexed.
 */
export async function indexCallerAliases(
  deps: Pick<Deps, 'db' | 'keyring' | 'clock' | 'log'>,
): Promise<number> {
  let total = 0;
  for (const orgId of await repo.unindexedAliasOrgIds(deps.db)) {
    for (;;) {
      const done = await inOrg(deps.db, orgId, async (trx) => {
        await repo.lockAliasBackfill(trx, orgId);
        const ctx = {
          db: trx,
          keyring: deps.keyring,
          clock: deps.clock,
          actor: { kind: 'system', orgId } as const,
        };
        const callers = await repo.callersWithoutAliasIndex(trx, BATCH);
        for (const caller of callers) {
          const alias = await openText(ctx, 'callers', 'alias', caller.id, caller.alias_enc);
          await repo.setAliasIndex(trx, caller.id, await aliasIndex(ctx, alias));
        }
        if (callers.length)
          await audit(ctx, {
            action: 'data.indexed',
            entity: 'organisation',
            entityId: orgId,
            changedFields: ['callers.alias_hmac'],
            details: { callers: callers.length },
          });
        return callers.length;
      });
      total += done;
      if (done < BATCH) break;
    }
  }
  if (total) deps.log.info({ indexed: total }, 'indexed the aliases of callers recorded before search');
  return total;
}
