import type { Actor, AnyActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/** Fields a counsellor may set on their own profile; the rest (status, caseload, VOG) is the coordinator's. */
export const SELF_SERVICE_FIELDS = [
  'gender',
  'languages',
  'backgroundIds',
  'homeMunicipalityId',
  'servesMunicipalityIds',
  'servesProvinces',
  'remote',
  'availability',
] as const;

/** Profiles exist for counsellor accounts only (a data rule about the profile's owner). */
export const isCounsellorAccount = (user: { role: string }): boolean => user.role === 'counsellor';

/** A counsellor keeps their own profile (languages, region, availability) on a page of their own. */
export const hasOwnProfile = (actor: AnyActor | undefined): actor is Actor =>
  actor?.kind === 'user' && actor.role === 'counsellor';

export function isManager(actor: AnyActor | undefined): actor is Actor {
  return actor?.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin');
}

/** Coordinators and admins see every counsellor's profile; a counsellor sees their own. */
export function canViewProfile(actor: AnyActor | undefined, userId: string): boolean {
  if (!actor || actor.kind !== 'user') return false;
  return (
    actor.role === 'coordinator' ||
    actor.role === 'admin' ||
    (actor.role === 'counsellor' && actor.userId === userId)
  );
}

export function authorizeManager(actor: AnyActor | undefined): asserts actor is Actor {
  if (!isManager(actor)) throw new AppError('forbidden');
}
