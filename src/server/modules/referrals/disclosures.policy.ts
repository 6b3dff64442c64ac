import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type DisclosureAction = 'disclosure.log' | 'disclosure.export';

/** The organisation-wide disclosure log is the privacy officer's; a case's own log goes with the case. */
const RULES: RoleRules<DisclosureAction> = {
  'disclosure.log': ['privacy_officer'],
  'disclosure.export': ['privacy_officer'],
};

export const canDisclosure = (actor: AnyActor | undefined, action: DisclosureAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeDisclosure(
  actor: AnyActor | undefined,
  action: DisclosureAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
