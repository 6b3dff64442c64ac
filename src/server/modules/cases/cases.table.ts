import type { ColumnType } from 'kysely';
import type { TaskKind } from '../../../shared/cases.schema.js';
import type { CaseState, Channel, SupportLevel } from '../../../shared/cases.schema.js';

export interface CasesTable {
  id: string;
  org_id: string;
  reference: string;
  state: CaseState;
  urgent: boolean;
  category_id: string;
  caller_id: string;
  coordinator_id: string | null;
  counsellor_id: string | null;
  support_level: SupportLevel | null;
  municipality: string;
  summary_enc: Uint8Array;
  opened_at: Date;
  closed_at: Date | null;
  /** When a counsellor first took the case (reports: time to assignment); null until then. */
  first_assigned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closure_id: string | null;
  handover_municipality: string | null;
  handover_on: string | null;
  pref_gender: string | null;
  /** Sealed term id of the counsellor background the caller asked for. */
  pref_background_enc: Uint8Array | null;
  pref_language: string | null;
  last_activity_at: Date;
  updated_at: Date;
}

export interface CaseCountersTable {
  org_id: string;
  year: number;
  n: number;
}

export interface CaseSubjectsTable {
  id: string;
  org_id: string;
  case_id: string;
  alias_enc: Uint8Array;
  relation_id: string | null;
  age_band: string;
  gender: string;
  municipality: string;
  created_at: Date;
}

export interface SubjectStatusEventsTable {
  id: string;
  org_id: string;
  case_id: string;
  subject_id: string;
  status: string;
  occurred_on: string;
  note_enc: Uint8Array | null;
  recorded_by: string;
  created_at: Date;
}

export interface CaseObservationsTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: 'signal' | 'protective';
  /** The term of the organisation's signal or protective-factor list, when ticked from it. */
  term_id: string | null;
  observed_on: string;
  text_enc: Uint8Array;
  recorded_by: string;
  created_at: Date;
}

export interface CaseGoalsTable {
  id: string;
  org_id: string;
  case_id: string;
  text_enc: Uint8Array;
  status: 'open' | 'achieved' | 'dropped';
  created_at: Date;
  updated_at: Date;
}

export interface CaseLogTable {
  id: string;
  org_id: string;
  case_id: string;
  request_id: string;
  occurred_at: Date;
  channel: Channel;
  /** Null for an intake call whose length was not noted. */
  duration_minutes: number | null;
  with_whom_enc: Uint8Array | null;
  note_enc: Uint8Array;
  author_id: string;
  /** Set when the entry is the intake contact itself. */
  contact_id: string | null;
  created_at: Date;
}

export interface CaseInterventionsTable {
  id: string;
  org_id: string;
  case_id: string;
  intervention_id: string;
  occurred_on: string;
  note_enc: Uint8Array | null;
  recorded_by: string;
  created_at: Date;
}

export interface TasksTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: TaskKind;
  title_enc: Uint8Array;
  due_on: string;
  assignee_id: string | null;
  ref_id: string | null;
  done_at: Date | null;
  cancelled_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

export interface AlertsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind:
    | 'urgent_case'
    | 'task_due'
    | 'offer'
    | 'offer_accepted'
    | 'offer_declined'
    | 'offer_expired'
    | 'emergency_request'
    | 'emergency_decided'
    | 'referral_cancelled'
    | 'consent_confirmation'
    | 'account_change'
    | 'peer_link_request';
  case_id: string | null;
  account_event_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface CaseAccessGrantsTable {
  id: string;
  org_id: string;
  case_id: string;
  user_id: string;
  reason_enc: Uint8Array | null;
  expires_at: Date;
  created_at: Date;
}

export interface CaseTables {
  cases: CasesTable;
  case_counters: CaseCountersTable;
  case_subjects: CaseSubjectsTable;
  subject_status_events: SubjectStatusEventsTable;
  case_observations: CaseObservationsTable;
  case_goals: CaseGoalsTable;
  case_log: CaseLogTable;
  case_interventions: CaseInterventionsTable;
  tasks: TasksTable;
  alerts: AlertsTable;
  case_access_grants: CaseAccessGrantsTable;
}
