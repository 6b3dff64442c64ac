import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type KnowledgeAction = 'knowledge.read' | 'knowledge.edit';

/**
 * The handbook is the helpline's method, not anyone's case: everyone signed in reads it (counsellors during a
 * call, analysts and the privacy officer to know the protocol); coordinators and the admin keep it.
 */
const RULES: RoleRules<KnowledgeAction> = {
  'knowledge.read': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer'],
  'knowledge.edit': ['admin', 'coordinator'],
};

export const canKnowledge = (actor: AnyActor | undefined, action: KnowledgeAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeKnowledge(
  actor: AnyActor | undefined,
  action: KnowledgeAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
