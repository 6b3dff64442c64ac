import { ROLES } from '../../../shared/roles.js';
import type { Actor, AnyActor } from '../../lib/actor.js';
import { authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type NotificationAction = 'notification.list' | 'notification.read';

/** Every signed-in staff member reads and clears their own notifications; nobody anyone else's. */
const RULES: RoleRules<NotificationAction> = {
  'notification.list': ROLES,
  'notification.read': ROLES,
};

export function authorizeNotification(
  actor: AnyActor | undefined,
  action: NotificationAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
