import type { Actor, AnyActor } from '../../lib/actor.js';
import { authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type ConsentTextAction = 'consent_text.read';

/** The text is not personal data, but only those who record consent need it. */
const RULES: RoleRules<ConsentTextAction> = {
  'consent_text.read': ['coordinator', 'counsellor'],
};

export function authorizeConsentText(
  actor: AnyActor | undefined,
  action: ConsentTextAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
