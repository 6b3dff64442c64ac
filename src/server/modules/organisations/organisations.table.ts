import type { Generated, JSONColumnType } from 'kysely';
import type { AftercareSchedule } from '../../../shared/work.schema.js';

export interface InstallationTable {
  id: Generated<number>;
  set_up_at: Date;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  default_language: Generated<string>;
  aftercare_schedule: JSONColumnType<AftercareSchedule | null, string | null | undefined, string | null>;
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
