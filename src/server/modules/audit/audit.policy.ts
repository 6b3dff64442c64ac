import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { AnyActor, Actor } from '../../lib/actor.js';

export type AuditAction =
  'audit.view' | 'audit.verify' | 'audit.checkpoint' | 'audit.export' | 'access.view' | 'access.export';

/** The privacy officer answers "who looked at this file?"; nobody else reads the logs. */
const RULES: RoleRules<AuditAction> = {
  'audit.view': ['privacy_officer'],
  'audit.verify': ['privacy_officer'],
  'audit.checkpoint': ['privacy_officer'],
  'audit.export': ['privacy_officer'],
  'access.view': ['privacy_officer'],
  'access.export': ['privacy_officer'],
};

export const canAudit = (actor: AnyActor | undefined, action: AuditAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeAudit(actor: AnyActor | undefined, action: AuditAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
