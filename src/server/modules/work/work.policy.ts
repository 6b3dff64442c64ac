import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type WorkAction = 'work.mine';

/**
 * "My work" is for those who work cases: a counsellor sees their own families and tasks, a coordinator
 * the organisation's queue.
 */
const RULES: RoleRules<WorkAction> = {
  'work.mine': ['counsellor', 'coordinator'],
};

export const canWork = (actor: AnyActor | undefined, action: WorkAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeWork(actor: AnyActor | undefined, action: WorkAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}

/** Whose work the page shows: a counsellor's own cases and tasks, or the whole organisation's queue. */
export const workScope = (actor: Actor): 'own' | 'organisation' =>
  actor.role === 'counsellor' ? 'own' : 'organisation';
