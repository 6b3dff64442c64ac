import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type UserAction =
  | 'user.list'
  | 'user.invite'
  | 'user.update'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.reset_mfa'
  | 'user.account_alerts';

/** Only an organisation's admin manages its users; admins and the privacy officer hear of every change. */
const RULES: RoleRules<UserAction> = {
  'user.list': ['admin'],
  'user.invite': ['admin'],
  'user.update': ['admin'],
  'user.deactivate': ['admin'],
  'user.reactivate': ['admin'],
  'user.reset_mfa': ['admin'],
  'user.account_alerts': ['admin', 'privacy_officer'],
};

/** The organisation must keep one active admin: the last one cannot lose the role or be deactivated. */
export const isActiveAdmin = (user: { role: string; status: string }): boolean =>
  user.role === 'admin' && user.status === 'active';

export const canUser = (actor: AnyActor | undefined, action: UserAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeUser(actor: AnyActor | undefined, action: UserAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
