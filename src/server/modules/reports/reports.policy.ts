import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type ReportAction =
  'report.view' | 'report.export' | 'report.settings.view' | 'report.settings.update';

/**
 * Reports are aggregated and suppressed, for the people who account for the helpline's work: coordinators and
 * analysts. Everyone who may see a report may see the rules it was published under; only the admin sets them.
 */
const RULES: RoleRules<ReportAction> = {
  'report.view': ['coordinator', 'analyst'],
  'report.export': ['coordinator', 'analyst'],
  'report.settings.view': ['admin', 'coordinator', 'analyst', 'privacy_officer'],
  'report.settings.update': ['admin'],
};

export const canReport = (actor: AnyActor | undefined, action: ReportAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeReport(actor: AnyActor | undefined, action: ReportAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
