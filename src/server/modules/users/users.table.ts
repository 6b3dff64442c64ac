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

export interface UserTables {
  users: UsersTable;
  invites: InvitesTable;
}
