import { inOrg } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import * as repo from './sealing.repository.js';

/**
 * Every column migration 0012 moved to the backlog, by the name its ciphertext is bound to
 * (`table.column`, as the services seal it). A backlog entry naming anything else stops start-up.
 */
const TARGETS: Readonly<Record<string, repo.SealTarget>> = {
  'case_log.with_whom': { table: 'case_log', key: 'id', column: 'with_whom_enc' },
  'case_access_grants.reason': { table: 'case_access_grants', key: 'id', column: 'reason_enc' },
  'counsellor_absences.note': { table: 'counsellor_absences', key: 'id', column: 'note_enc' },
  'cases.pref_background': { table: 'cases', key: 'id', column: 'pref_background_enc' },
  'counsellor_profiles.background_ids': {
    table: 'counsellor_profiles',
    key: 'user_id',
    column: 'background_ids_enc',
  },
  'partners.contact_person': { table: 'partners', key: 'id', column: 'contact_person_enc' },
  'partners.notes': { table: 'partners', key: 'id', column: 'notes_enc' },
};

const BATCH = 500;

/**
 * Seals the clear values earlier versions left (see migration 0012), before the app serves anything. Each
 * batch is one transaction per organisation under an advisory lock: sealed values are written, their backlog
 * entries deleted and an audit entry appended together, so each value is sealed exactly once even when several
 * instances start at the same time. Returns how many values it sealed; 0 on every later start.
 */
export async function sealBacklog(deps: Pick<Deps, 'db' | 'keyring' | 'clock' | 'log'>): Promise<number> {
  let total = 0;
  for (const orgId of await repo.backlogOrgIds(deps.db)) {
    for (;;) {
      const sealed = await inOrg(deps.db, orgId, async (trx) => {
        await repo.lockBacklog(trx, orgId);
        const entries = await repo.takeBacklog(trx, BATCH);
        const ctx = {
          db: trx,
          keyring: deps.keyring,
          clock: deps.clock,
          actor: { kind: 'system', orgId } as const,
        };
        const counts: Record<string, number> = {};
        for (const entry of entries) {
          const name = `${entry.table_name}.${entry.column_name}`;
          const target = TARGETS[name];
          if (!target) throw new Error(`The sealing backlog names an unknown column: ${name}`);
          const value = await sealText(ctx, entry.table_name, entry.column_name, entry.row_id, entry.value);
          await repo.writeSealed(trx, target, entry.row_id, value);
          await repo.deleteBacklogEntry(trx, entry);
          counts[name] = (counts[name] ?? 0) + 1;
        }
        if (entries.length)
          await audit(ctx, {
            action: 'data.sealed',
            entity: 'organisation',
            entityId: orgId,
            changedFields: Object.keys(counts),
            details: counts,
          });
        return entries.length;
      });
      total += sealed;
      if (sealed < BATCH) break;
    }
  }
  if (total) deps.log.info({ sealed: total }, 'sealed personal data that an earlier version stored in clear');
  return total;
}
