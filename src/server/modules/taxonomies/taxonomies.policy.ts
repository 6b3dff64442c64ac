import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type TaxonomyAction = 'taxonomy.list' | 'taxonomy.edit';

/** Everyone on the staff reads the lists (to fill in forms and read reports); only the admin edits them. */
const RULES: RoleRules<TaxonomyAction> = {
  'taxonomy.list': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer'],
  'taxonomy.edit': ['admin'],
};

export const canTaxonomy = (actor: AnyActor | undefined, action: TaxonomyAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeTaxonomy(
  actor: AnyActor | undefined,
  action: TaxonomyAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
