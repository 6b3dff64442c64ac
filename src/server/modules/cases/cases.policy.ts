import type { CaseState } from '../../../shared/cases.schema.js';
import { CASE_TRANSITIONS } from '../../../shared/cases.schema.js';
import type { Actor, AnyActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/** The facts about a case that decide who may do what with it. */
export interface CaseFacts {
  orgId: string;
  state: CaseState;
  coordinatorId: string | null;
  counsellorId: string | null;
}

/**
 * How far an actor may look into a case:
 * - `full`: the assigned counsellor; a coordinator for an unassigned case, one they took in, or with a grant;
 * - `needs_reason`: a coordinator opening a case assigned to someone else, without a grant yet;
 * - `none`: everyone else (other counsellors, admins, analysts, privacy officers, other organisations).
 */
export type CaseAccess = 'full' | 'needs_reason' | 'none';

export function caseAccess(actor: AnyActor | undefined, c: CaseFacts, hasGrant: boolean): CaseAccess {
  if (!actor || actor.kind !== 'user' || actor.orgId !== c.orgId) return 'none';
  if (actor.role === 'counsellor') return c.counsellorId === actor.userId ? 'full' : 'none';
  if (actor.role === 'coordinator') {
    if (hasGrant || c.counsellorId === null || c.coordinatorId === actor.userId) return 'full';
    return 'needs_reason';
  }
  return 'none';
}

/**
 * Who may record a reason to open a case (an access grant): only a coordinator who can see the case at all.
 * A counsellor never needs a grant (they see their own cases, and no one else's), so a grant from them
 * would only add a misleading "opened with a reason" line to the access log.
 */
export function canGrantAccess(actor: AnyActor | undefined, c: CaseFacts): boolean {
  if (!actor || actor.kind !== 'user' || actor.role !== 'coordinator') return false;
  return caseAccess(actor, c, false) !== 'none';
}

export type CaseAction =
  | 'case.view'
  | 'case.reach'
  | 'case.edit'
  | 'case.assign'
  | 'case.transition'
  | 'case.list'
  | 'intake.create';

/** Actions on one case, given the access level. Assigning is for coordinators only. */
export function canOnCase(
  actor: AnyActor | undefined,
  c: CaseFacts,
  hasGrant: boolean,
  action: CaseAction,
): boolean {
  const access = caseAccess(actor, c, hasGrant);
  if (access !== 'full' || !actor || actor.kind !== 'user') return false;
  switch (action) {
    case 'case.view':
    case 'case.edit':
      return c.state !== 'closed' || action === 'case.view';
    case 'case.reach':
      // How to reach the family: for those who work the case (never admin, analyst or privacy officer).
      return actor.role === 'counsellor' || actor.role === 'coordinator';
    case 'case.assign':
      return actor.role === 'coordinator';
    case 'case.transition':
      return true;
    case 'case.list':
    case 'intake.create':
      return false;
  }
}

/** Whether this actor may move the case to `to`: the state machine, and who may do which move. */
export function canTransition(
  actor: AnyActor | undefined,
  c: CaseFacts,
  hasGrant: boolean,
  to: CaseState,
): boolean {
  if (!canOnCase(actor, c, hasGrant, 'case.transition')) return false;
  if (!CASE_TRANSITIONS[c.state].includes(to)) return false;
  // A counsellor closes their own case (to aftercare or closed); every other move is the coordinator's.
  if (actor!.kind === 'user' && actor!.role === 'counsellor')
    return c.state === 'active' && (to === 'aftercare' || to === 'closed');
  return true;
}

/** Lists and intake are role-wide actions. */
export function canCaseRole(
  actor: AnyActor | undefined,
  action: 'case.list' | 'intake.create',
): actor is Actor {
  if (!actor || actor.kind !== 'user') return false;
  if (action === 'intake.create') return actor.role === 'coordinator';
  return actor.role === 'coordinator' || actor.role === 'counsellor';
}

/**
 * Which cases a list shows the actor (the case list, "my work", search): the organisation's for a
 * coordinator, only those assigned to them for a counsellor. The repository puts it in the WHERE clause.
 */
export function caseListScope(actor: Actor): { counsellorId?: string } {
  return actor.role === 'counsellor' ? { counsellorId: actor.userId } : {};
}

/** Only an active counsellor account can be given a case (a data rule about the assignee, not the actor). */
export const isAssignableCounsellor = (user: { role: string; status: string }): boolean =>
  user.role === 'counsellor' && user.status === 'active';

/** A case's task goes to someone who may see the case: its counsellor, or a coordinator. */
export const mayBeTaskAssignee = (
  user: { id: string; role: string },
  caseCounsellorId: string | null,
): boolean => user.id === caseCounsellorId || user.role === 'coordinator';

export function authorizeCaseRole(
  actor: AnyActor | undefined,
  action: 'case.list' | 'intake.create',
): asserts actor is Actor {
  if (!canCaseRole(actor, action)) throw new AppError('forbidden');
}
