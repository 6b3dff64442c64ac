import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type PartnerAction = 'partner.list' | 'partner.manage';

/** Case workers look partners up; coordinators and the admin keep the directory. */
const RULES: RoleRules<PartnerAction> = {
  'partner.list': ['admin', 'coordinator', 'counsellor'],
  'partner.manage': ['admin', 'coordinator'],
};

export const canPartner = (actor: AnyActor | undefined, action: PartnerAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizePartner(actor: AnyActor | undefined, action: PartnerAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
