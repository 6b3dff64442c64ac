import type { Role } from '../../shared/roles.js';

/** Who is acting: a signed-in user of one organisation, or the system (jobs, first-run set-up). */
export interface Actor {
  kind: 'user';
  userId: string;
  orgId: string;
  role: Role;
  sessionId: string;
}

export interface SystemActor {
  kind: 'system';
  orgId: string;
}

export type AnyActor = Actor | SystemActor;
