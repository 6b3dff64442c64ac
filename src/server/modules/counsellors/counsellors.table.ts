import type { ColumnType, Generated } from 'kysely';
import type { Availability } from '../../../shared/counsellors.schema.js';

export interface MunicipalitiesTable {
  id: string;
  org_id: string;
  name: string;
  province: string;
  active: boolean;
}

export interface CounsellorProfilesTable {
  user_id: string;
  org_id: string;
  status: Generated<'candidate' | 'active' | 'paused' | 'left'>;
  gender: 'female' | 'male' | 'other' | null;
  home_municipality_id: string | null;
  serves_municipality_ids: Generated<string[]>;
  serves_provinces: Generated<string[]>;
  remote: Generated<boolean>;
  max_active_cases: Generated<number>;
  availability: ColumnType<Availability, string | undefined, string>;
  vog_issued_on: string | null;
  vog_expires_on: string | null;
  language_codes: Generated<string[]>;
  /** Sealed JSON array of the self-declared background term ids. */
  background_ids_enc: Uint8Array | null;
  has_slots: ColumnType<boolean, never, never>;
  updated_at: Date;
}

export interface CounsellorLanguagesTable {
  org_id: string;
  user_id: string;
  code: string;
  level: 'basic' | 'good' | 'native';
}

export interface CounsellorAbsencesTable {
  id: string;
  org_id: string;
  user_id: string;
  from_date: string;
  to_date: string;
  note_enc: Uint8Array | null;
}

export interface CaseConflictsTable {
  id: string;
  org_id: string;
  case_id: string;
  user_id: string;
  created_at: Date;
}

export interface CaseOffersTable {
  id: string;
  org_id: string;
  case_id: string;
  counsellor_id: string;
  offered_by: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  decline_reason: string | null;
  note_enc: Uint8Array | null;
  created_at: Date;
  expires_at: Date;
  responded_at: Date | null;
  /** How far matching was widened for this offer: the caller's region, plus remote counsellors, or all. */
  reach: Generated<'region' | 'remote' | 'wide'>;
  /** Set when the counsellor works with an interpreter for this conversation language (a stated fallback). */
  interpreter_language: string | null;
}

export interface CoursesTable {
  id: string;
  org_id: string;
  name: string;
  kind: 'basic' | 'refresher' | 'specialised';
  validity_months: number | null;
  created_at: Date;
}

export interface TrainingSessionsTable {
  id: string;
  org_id: string;
  course_id: string;
  starts_at: Date;
  place: string;
  trainer: string;
  created_at: Date;
}

export interface TrainingAttendanceTable {
  org_id: string;
  session_id: string;
  user_id: string;
  attended: boolean;
  completed_on: string | null;
  expires_on: string | null;
}

export interface CounsellorTables {
  municipalities: MunicipalitiesTable;
  counsellor_profiles: CounsellorProfilesTable;
  counsellor_languages: CounsellorLanguagesTable;
  counsellor_absences: CounsellorAbsencesTable;
  case_conflicts: CaseConflictsTable;
  case_offers: CaseOffersTable;
  courses: CoursesTable;
  training_sessions: TrainingSessionsTable;
  training_attendance: TrainingAttendanceTable;
}
