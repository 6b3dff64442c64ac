import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

export type ReportAction =
  | 'report.view'
  | 'report.export'
  | 'report.settings.view'
  | 'report.settings.update'
  | 'report.caseload'
  | 'report.funder.view'
  | 'report.funder.update'
  | 'report.funder.export';

/**
 * Reports are aggregated and suppressed, for the people who account for the helpline's work: coordinators and
 * analysts. Everyone who may see a report may see the rules it was published under; only the admin sets them.
 *
 * Caseload per counsellor is a figure about a named member of staff, not an aggregate: coordinators, who
 * supervise counsellors, see it; analysts do not. The yearly funder report holds only published figures and
 * the coordinator's narrative: the coordinator writes it, and analysts (who prepare reports for funders) may
 * read and download it.
 */
const RULES: RoleRules<ReportAction> = {
  'report.view': ['coordinator', 'analyst'],
  'report.export': ['coordinator', 'analyst'],
  'report.settings.view': ['admin', 'coordinator', 'analyst', 'privacy_officer'],
  'report.settings.update': ['admin'],
  'report.caseload': ['coordinator'],
  'report.funder.view': ['coordinator', 'analyst'],
  'report.funder.update': ['coordinator'],
  'report.funder.export': ['coordinator', 'analyst'],
};

export const canReport = (actor: AnyActor | undefined, action: ReportAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeReport(actor: AnyActor | undefined, action: ReportAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
