import type { DataCategory } from '../../../shared/consent.schema.js';
import type { DisclosureChannel } from '../../../shared/referrals.schema.js';

export interface EmergencyRequestsTable {
  id: string;
  org_id: string;
  case_id: string;
  ground: 'danger_to_life' | 'serious_crime';
  legal_basis: 'vital_interest' | 'conflict_of_duties' | 'legal_obligation';
  reason_enc: Uint8Array;
  partner_id: string;
  categories: DataCategory[];
  channel: DisclosureChannel;
  inform_caller: boolean;
  no_inform_reason_enc: Uint8Array | null;
  status: 'pending' | 'approved' | 'rejected' | 'disclosed' | 'cancelled';
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note_enc: Uint8Array | null;
  disclosed_at: Date | null;
}

export interface EmergencyTables {
  emergency_requests: EmergencyRequestsTable;
}
