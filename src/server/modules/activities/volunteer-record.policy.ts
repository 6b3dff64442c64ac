import type { Actor, AnyActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/**
 * - `volunteer_record.view`: a counsellor's volunteer record (hours facilitated, support minutes logged,
 *   training) — the counsellor their own; coordinators and admins anyone's, as they see the counsellor's
 *   profile. Counts and minutes only, never what a case or a meeting was about.
 */
export type VolunteerRecordAction = 'volunteer_record.view';

/** Whose record is asked for. */
export interface VolunteerRecordResource {
  userId: string;
}

const SEES_ALL = ['admin', 'coordinator'] as const;

/** Deny by default: analysts, privacy officers, the peer organiser and the system get nothing. */
export function canVolunteerRecord(
  actor: AnyActor | undefined,
  action: VolunteerRecordAction,
  resource: VolunteerRecordResource,
): boolean {
  if (!actor || actor.kind !== 'user' || action !== 'volunteer_record.view') return false;
  if ((SEES_ALL as readonly string[]).includes(actor.role)) return true;
  return actor.role === 'counsellor' && resource.userId === actor.userId;
}

/** Another counsellor's record answers like a missing one (404); a role without access at all, 403. */
export function authorizeVolunteerRecord(
  actor: AnyActor | undefined,
  action: VolunteerRecordAction,
  resource: VolunteerRecordResource,
): asserts actor is Actor {
  if (canVolunteerRecord(actor, action, resource)) return;
  const ownRecordRole = actor?.kind === 'user' && actor.role === 'counsellor';
  throw ownRecordRole ? new AppError('not_found', 'No such volunteer') : new AppError('forbidden');
}
