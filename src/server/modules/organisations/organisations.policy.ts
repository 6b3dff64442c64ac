import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type OrganisationAction = 'organisation.settings.view' | 'organisation.settings.update';

/**
 * Coordinators read the organisation's settings (aftercare intervals, consent periods, time zone) because
 * their work follows them; only the admin changes them.
 */
const RULES: RoleRules<OrganisationAction> = {
  'organisation.settings.view': ['admin', 'coordinator'],
  'organisation.settings.update': ['admin'],
};

export const canOrganisation = (actor: AnyActor | undefined, action: OrganisationAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeOrganisation(
  actor: AnyActor | undefined,
  action: OrganisationAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
