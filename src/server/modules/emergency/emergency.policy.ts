import type { Role } from '../../../shared/roles.js';
import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import { AppError } from '../../lib/errors.js';

export type EmergencyAction =
  'emergency.start' | 'emergency.decide' | 'emergency.disclose' | 'emergency.health';

/**
 * A coordinator starts the emergency path; a second coordinator or an admin decides; the privacy officer
 * watches that the two are independent (without case content).
 */
const RULES: RoleRules<EmergencyAction> = {
  'emergency.start': ['coordinator'],
  'emergency.decide': ['coordinator', 'admin'],
  'emergency.disclose': ['coordinator'],
  'emergency.health': ['privacy_officer'],
};

export const canEmergency = (actor: AnyActor | undefined, action: EmergencyAction): boolean =>
  allowedByRole(RULES, actor, action);

/** Whether holders of this role may take the step: for the four-eyes health check over other accounts. */
export const roleMayEmergency = (role: Role, action: EmergencyAction): boolean =>
  RULES[action].includes(role);

/** The roles that may take the step, e.g. to find everyone who could decide a request. */
export const rolesMayEmergency = (action: EmergencyAction): readonly Role[] => RULES[action];

export function authorizeEmergency(
  actor: AnyActor | undefined,
  action: EmergencyAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}

/**
 * Recorded facts about the acting account, loaded by the service: since when it holds its role (created,
 * re-activated or role changed, whichever is last), the organisation's minimum, and everyone it is tied to
 * by an account change either way in the last 30 days.
 */
export interface Standing {
  now: Date;
  inRoleSince: Date;
  minAccountDays: number;
  tiedTo: ReadonlySet<string>;
}

export type FourEyesRefusal =
  'role' | 'account_too_new' | 'own_request' | 'tied_to_requester' | 'not_pending';

const DAY_MS = 86_400_000;

/** When an account that holds its role since `since` may first use the emergency path. */
export const eligibleFrom = (since: Date, minAccountDays: number): Date =>
  new Date(since.getTime() + minAccountDays * DAY_MS);

function tooNew(standing: Standing): boolean {
  return standing.now < eligibleFrom(standing.inRoleSince, standing.minAccountDays);
}

/** Why the actor may not start an emergency request, or null if they may. No standing → deny. */
export function startRefusal(
  actor: AnyActor | undefined,
  standing: Standing | undefined,
): FourEyesRefusal | null {
  if (!canEmergency(actor, 'emergency.start') || !standing) return 'role';
  if (tooNew(standing)) return 'account_too_new';
  return null;
}

/**
 * Why the actor may not decide on the request, or null if they may: the role, then never the requester, nor
 * anyone tied to the requester by an account change, nor an account new in its role.
 */
export function decideRefusal(
  actor: AnyActor | undefined,
  request: { requestedBy: string; status: string },
  standing: Standing | undefined,
): FourEyesRefusal | null {
  if (!canEmergency(actor, 'emergency.decide') || actor?.kind !== 'user' || !standing) return 'role';
  if (actor.userId === request.requestedBy) return 'own_request';
  if (standing.tiedTo.has(request.requestedBy)) return 'tied_to_requester';
  if (tooNew(standing)) return 'account_too_new';
  if (request.status !== 'pending') return 'not_pending';
  return null;
}

export const canDecide = (...args: Parameters<typeof decideRefusal>): boolean =>
  decideRefusal(...args) === null;

function refuse(refusal: FourEyesRefusal, minAccountDays: number | undefined): never {
  switch (refusal) {
    case 'role':
      throw new AppError('forbidden');
    case 'account_too_new':
      throw new AppError(
        'account_too_new',
        `Accounts hold their role for ${minAccountDays ?? '?'} days before they may start or approve an emergency request`,
      );
    case 'own_request':
      throw new AppError('not_independent', 'A second person must decide: not the requester');
    case 'tied_to_requester':
      throw new AppError(
        'not_independent',
        'You and the requester are tied by an account change in the last 30 days: another person must decide',
      );
    case 'not_pending':
      throw new AppError('invalid_transition', 'This request is already decided');
  }
}

export function authorizeStart(
  actor: AnyActor | undefined,
  standing: Standing | undefined,
): asserts actor is Actor {
  const refusal = startRefusal(actor, standing);
  if (refusal) refuse(refusal, standing?.minAccountDays);
}

export function authorizeDecide(
  actor: AnyActor | undefined,
  request: { requestedBy: string; status: string },
  standing: Standing | undefined,
): asserts actor is Actor {
  const refusal = decideRefusal(actor, request, standing);
  if (refusal) refuse(refusal, standing?.minAccountDays);
}
