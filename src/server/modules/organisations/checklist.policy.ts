import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type ChecklistAction = 'checklist.view' | 'checklist.dismiss';

/** The set-up checklist is the admin's: it names counts of staff and partners, no case data. */
const RULES: RoleRules<ChecklistAction> = {
  'checklist.view': ['admin'],
  'checklist.dismiss': ['admin'],
};

export const canChecklist = (actor: AnyActor | undefined, action: ChecklistAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeChecklist(
  actor: AnyActor | undefined,
  action: ChecklistAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
