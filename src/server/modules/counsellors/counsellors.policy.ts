import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import { AppError } from '../../lib/errors.js';

export type CounsellorAction = 'counsellor.options';

/** Only coordinators assign, so only they list the counsellors with their caseload to choose from. */
const RULES: RoleRules<CounsellorAction> = {
  'counsellor.options': ['coordinator'],
};

export const canCounsellor = (actor: AnyActor | undefined, action: CounsellorAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeCounsellor(
  actor: AnyActor | undefined,
  action: CounsellorAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}

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
