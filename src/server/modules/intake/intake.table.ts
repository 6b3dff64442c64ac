export interface CallersTable {
  id: string;
  org_id: string;
  alias_enc: Uint8Array;
  /** Keyed HMAC of the normalised alias (see alias.ts); null only until start-up indexes an older caller. */
  alias_hmac: Uint8Array | null;
  phone_enc: Uint8Array | null;
  phone_hmac: Uint8Array | null;
  language: string;
  municipality: string;
  created_at: Date;
}

export interface ContactsTable {
  id: string;
  org_id: string;
  request_id: string;
  caller_id: string;
  case_id: string | null;
  channel: string;
  language: string;
  category_id: string;
  relation_id: string | null;
  summary_enc: Uint8Array;
  immediate_danger: boolean;
  may_call_back: boolean;
  may_leave_message: boolean;
  safe_times_enc: Uint8Array | null;
  safe_channel: string | null;
  confidentiality_explained: boolean;
  duration_minutes: number | null;
  outcome: 'info_only' | 'open_case' | 'link_case';
  subject_alias_enc: Uint8Array | null;
  subject_age_band: string | null;
  subject_status: string | null;
  /** The activity the caller heard of the helpline at ("heard of us at …"), if they said so. */
  source_activity_id: string | null;
  taken_by: string;
  occurred_at: Date;
  created_at: Date;
}

export interface IntakeDraftsTable {
  id: string;
  org_id: string;
  user_id: string;
  data_enc: Uint8Array;
  updated_at: Date;
}

/** Signals and protective factors ticked at intake, by term id: counted, never scored. */
export interface ContactObservationsTable {
  id: string;
  org_id: string;
  contact_id: string;
  kind: 'signal' | 'protective';
  term_id: string;
  created_at: Date;
}

export interface IntakeTables {
  contact_observations: ContactObservationsTable;
  callers: CallersTable;
  contacts: ContactsTable;
  intake_drafts: IntakeDraftsTable;
}
