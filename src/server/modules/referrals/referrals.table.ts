import type { ConsentPurpose, DataCategory } from '../../../shared/consent.schema.js';
import type { DisclosureChannel, ReferralStatus } from '../../../shared/referrals.schema.js';

export interface ReferralsTable {
  id: string;
  org_id: string;
  case_id: string;
  partner_id: string;
  purpose: ConsentPurpose;
  categories: DataCategory[];
  note_enc: Uint8Array | null;
  status: ReferralStatus;
  channel: DisclosureChannel | null;
  consent_id: string | null;
  created_by: string | null;
  created_at: Date;
  sent_at: Date | null;
  sent_by: string | null;
  closed_at: Date | null;
  cancel_reason_enc: Uint8Array | null;
  cancel_cause: 'manual' | 'consent_withdrawn' | null;
  /** The partner's answer (accepted, declined, completed), sealed; the latest one given. */
  response_note_enc: Uint8Array | null;
}

/** Append-only: one row per disclosure of case data outside the helpline. */
export interface DisclosuresTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: 'referral' | 'case_meeting' | 'emergency';
  referral_id: string | null;
  meeting_id: string | null;
  emergency_id: string | null;
  partner_id: string;
  recipient: string;
  purpose: ConsentPurpose | null;
  categories: DataCategory[];
  channel: DisclosureChannel;
  consent_id: string | null;
  disclosed_by: string | null;
  disclosed_on: string;
  disclosed_at: Date;
}

export interface ReferralTables {
  referrals: ReferralsTable;
  disclosures: DisclosuresTable;
}
