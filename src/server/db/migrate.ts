import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_intake_and_cases.js';
import * as m0003 from './migrations/0003_counsellors_matching_training.js';
import * as m0004 from './migrations/0004_matching_read_model.js';
import * as m0005 from './migrations/0005_task_cancellation.js';
import * as m0006 from './migrations/0006_request_receipts.js';
import * as m0007 from './migrations/0007_partners.js';
import * as m0008 from './migrations/0008_consent_referrals.js';
import * as m0009 from './migrations/0009_consent_evidence_referral_notes.js';
import * as m0010 from './migrations/0010_four_eyes_accounts.js';
import * as m0011 from './migrations/0011_keyed_chains.js';
import * as m0012 from './migrations/0012_seal_personal_data.js';
import * as m0013 from './migrations/0013_receipt_parent.js';
import * as m0014 from './migrations/0014_dates_and_statuses.js';
import * as m0015 from './migrations/0015_intake_in_contact_log.js';
import * as m0016 from './migrations/0016_scale_out.js';
import * as m0017 from './migrations/0017_search.js';
import * as m0018 from './migrations/0018_intake_signals_no_match.js';
import * as m0019 from './migrations/0019_notifications.js';
import * as m0021 from './migrations/0021_report_disclosure.js';
import * as m0022 from './migrations/0022_public_site.js';
import * as m0023 from './migrations/0023_knowledge_base.js';
import * as m0024 from './migrations/0024_funder_report.js';
import * as m0025 from './migrations/0025_activities.js';
import * as m0026 from './migrations/0026_peer_network.js';
import * as m0027 from './migrations/0027_demo_flag.js';
import * as m0028 from './migrations/0028_resolve_session.js';
import * as m0029 from './migrations/0029_report_indexes.js';
import * as m0030 from './migrations/0030_retention_settings.js';
import * as m0031 from './migrations/0031_receipt_claim.js';
import * as m0032 from './migrations/0032_report_rollup.js';
import * as m0033 from './migrations/0033_linked_chains.js';
import * as m0034 from './migrations/0034_case_list_indexes.js';

/** Migrations are listed here, in order: no directory scanning, so they run the same under tsx and bundlers. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_intake_and_cases': m0002,
  '0003_counsellors_matching_training': m0003,
  '0004_matching_read_model': m0004,
  '0005_task_cancellation': m0005,
  '0006_request_receipts': m0006,
  '0007_partners': m0007,
  '0008_consent_referrals': m0008,
  '0009_consent_evidence_referral_notes': m0009,
  '0010_four_eyes_accounts': m0010,
  '0011_keyed_chains': m0011,
  '0012_seal_personal_data': m0012,
  '0013_receipt_parent': m0013,
  '0014_dates_and_statuses': m0014,
  '0015_intake_in_contact_log': m0015,
  '0016_scale_out': m0016,
  '0017_search': m0017,
  '0018_intake_signals_no_match': m0018,
  '0019_notifications': m0019,
  '0021_report_disclosure': m0021,
  '0022_public_site': m0022,
  '0023_knowledge_base': m0023,
  '0024_funder_report': m0024,
  '0025_activities': m0025,
  '0026_peer_network': m0026,
  '0027_demo_flag': m0027,
  '0028_resolve_session': m0028,
  '0029_report_indexes': m0029,
  '0030_retention_settings': m0030,
  '0031_receipt_claim': m0031,
  '0032_report_rollup': m0032,
  '0033_linked_chains': m0033,
  '0034_case_list_indexes': m0034,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies pending migrations; Kysely's lock table keeps two instances from migrating at once. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
