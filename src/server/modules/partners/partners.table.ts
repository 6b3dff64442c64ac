import type { Generated } from 'kysely';
import type { PartnerType } from '../../../shared/partners.schema.js';

export interface PartnersTable {
  id: string;
  org_id: string;
  name: string;
  type: PartnerType;
  municipality: string;
  languages: string[];
  secure_contact: string;
  contact_person_enc: Uint8Array | null;
  notes_enc: Uint8Array | null;
  active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface PartnerTables {
  partners: PartnersTable;
}
