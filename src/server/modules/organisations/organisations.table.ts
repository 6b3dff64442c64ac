import type { Generated, JSONColumnType } from 'kysely';
import type { AftercareSchedule } from '../../../shared/work.schema.js';
import type { MatchingWeights } from '../../../shared/matching.schema.js';

export interface InstallationTable {
  id: Generated<number>;
  set_up_at: Date;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  default_language: Generated<string>;
  aftercare_schedule: JSONColumnType<AftercareSchedule | null, string | null | undefined, string | null>;
  matching_weights: JSONColumnType<MatchingWeights | null, string | null | undefined, string | null>;
  offer_timeout_hours: Generated<number>;
  consent_valid_months: Generated<number>;
  consent_written_days: Generated<number>;
  /** IANA name; decides which calendar day "today" is for the organisation. */
  time_zone: Generated<string>;
  emergency_min_account_days: Generated<number>;
  emergency_serious_crime: Generated<boolean>;
  /** When an admin put the set-up checklist away; only possible once every item was done. */
  setup_checklist_dismissed_at: Date | null;
  /** Counts below this are never published in reports (3–10). */
  report_threshold: Generated<number>;
  report_round_to_five: Generated<boolean>;
  /** Days a withdrawn peer-network member's notes are kept (30–365). */
  peer_notes_retention_days: Generated<number>;
  /** Days an unanswered callback request is kept before the purge job deletes it (30–365). */
  callback_retention_days: Generated<number>;
  /** Made by `npm run demo`: invented records, shown with a banner; set at creation only. */
  is_demo: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface OrgKeysTable {
  org_id: string;
  version: number;
  wrapped_key: Uint8Array;
  master_key_id: string;
  created_at: Date;
}

export interface OrganisationTables {
  installation: InstallationTable;
  organisations: OrganisationsTable;
  org_keys: OrgKeysTable;
}
