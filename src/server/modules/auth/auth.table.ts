import type { SessionStage } from '../../../shared/auth.schema.js';

export interface SessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: Uint8Array;
  stage: SessionStage;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface AuthThrottleTable {
  key_hash: Uint8Array;
  window_started_at: Date;
  failures: number;
  blocked_until: Date | null;
}

export interface AuthTables {
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
}
