import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type MatchingAction = 'offer.respond' | 'weights.view' | 'weights.update';

/**
 * A counsellor answers the offers made to them; coordinators read the score's weights (to understand a
 * shortlist) and the admin tunes them. Making an offer is a case action (`case.assign` in cases.policy).
 */
const RULES: RoleRules<MatchingAction> = {
  'offer.respond': ['counsellor'],
  'weights.view': ['admin', 'coordinator'],
  'weights.update': ['admin'],
};

export const canMatching = (actor: AnyActor | undefined, action: MatchingAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeMatching(
  actor: AnyActor | undefined,
  action: MatchingAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
