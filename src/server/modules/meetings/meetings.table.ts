import type { DataCategory } from '../../../shared/consent.schema.js';

export interface CaseMeetingsTable {
  id: string;
  org_id: string;
  case_id: string;
  municipality: string;
  meeting_on: string;
  partner_ids: string[];
  categories: DataCategory[];
  note_enc: Uint8Array | null;
  shared_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

export interface MeetingTables {
  case_meetings: CaseMeetingsTable;
}
