import type { Role, UiLanguage } from '../../../shared/roles.js';

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: Role;
  status: UserStatus;
  language: UiLanguage;
  password_hash: string | null;
  password_changed_at: Date | null;
  totp_secret: Uint8Array | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface InvitesTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: Uint8Array;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

/** Account changes one person makes to another's account: the facts four eyes are checked against. */
export type AccountEventKind = 'invite' | 'reactivate' | 'role_change' | 'mfa_reset';

export interface AccountEventsTable {
  id: string;
  org_id: string;
  at: Date;
  actor_id: string | null;
  subject_id: string;
  kind: AccountEventKind;
  from_role: Role | null;
  to_role: Role | null;
}

export interface UserTables {
  users: UsersTable;
  invites: InvitesTable;
  account_events: AccountEventsTable;
}
