import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type PublicSiteAction =
  | 'site.view'
  | 'site.edit'
  | 'site.brochure'
  | 'callback.list'
  | 'callback.open'
  | 'callback.close'
  | 'callback.complete';

/**
 * The admin writes and publishes the public pages; coordinators read them and print the brochure for
 * meetings. Callback requests are intake: coordinators only — never counsellors (not their cases yet), nor
 * analysts, nor the admin (no case content by default).
 */
const RULES: RoleRules<PublicSiteAction> = {
  'site.view': ['admin', 'coordinator'],
  'site.edit': ['admin'],
  'site.brochure': ['admin', 'coordinator'],
  'callback.list': ['coordinator'],
  'callback.open': ['coordinator'],
  'callback.close': ['coordinator'],
  'callback.complete': ['coordinator'],
};

export const canPublicSite = (actor: AnyActor | undefined, action: PublicSiteAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizePublicSite(
  actor: AnyActor | undefined,
  action: PublicSiteAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
