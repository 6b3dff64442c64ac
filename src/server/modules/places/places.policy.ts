import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type PlaceAction = 'place.list' | 'place.manage';

/** Everyone on the staff picks places in forms and reads them in reports; the admin keeps the list. */
const RULES: RoleRules<PlaceAction> = {
  'place.list': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer'],
  'place.manage': ['admin'],
};

export const canPlace = (actor: AnyActor | undefined, action: PlaceAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizePlace(actor: AnyActor | undefined, action: PlaceAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
