import type {
  Caseload,
  Dashboard,
  DashboardPanelId,
  DashboardQuery,
  Dimension,
  Measure,
  Report,
} from '../../../shared/reports.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { buildReport } from './report-build.js';
import { authorizeReport, canReport } from './reports.policy.js';
import * as repo from './reports.repository.js';

export interface PanelSpec {
  id: DashboardPanelId;
  measure: Measure;
  rows: Dimension;
  columns?: Dimension;
}

/** The dashboard: fixed reports, each published under the same disclosure rules as the report builder. */
export const PANELS: readonly PanelSpec[] = [
  { id: 'requests_by_category', measure: 'requests', rows: 'month', columns: 'category' },
  { id: 'requests_by_channel', measure: 'requests', rows: 'month', columns: 'channel' },
  { id: 'requests_by_province', measure: 'requests', rows: 'province' },
  { id: 'conversion', measure: 'requests', rows: 'outcome' },
  { id: 'cases_opened', measure: 'cases_opened', rows: 'month' },
  { id: 'cases_closed', measure: 'cases_closed', rows: 'month' },
  { id: 'closure', measure: 'cases_closed', rows: 'closure' },
  { id: 'interventions', measure: 'interventions', rows: 'intervention' },
  { id: 'referrals', measure: 'referrals_sent', rows: 'partner_type', columns: 'status' },
  { id: 'consents_given', measure: 'consents_given', rows: 'month' },
  { id: 'consents_withdrawn', measure: 'consents_withdrawn', rows: 'month' },
  { id: 'aftercare', measure: 'aftercare_checkins', rows: 'timeliness' },
  { id: 'time_to_assignment', measure: 'time_to_assignment', rows: 'quarter' },
  { id: 'time_to_first_contact', measure: 'time_to_first_contact', rows: 'quarter' },
  { id: 'activities', measure: 'activities', rows: 'activity_type' },
];

/** Month, then quarter, then year: what a panel falls back to when a cross-tabulation is too fine. */
const COARSER_TIME: Partial<Record<Dimension, Dimension>> = { month: 'quarter', quarter: 'year' };

const isTooFine = (error: unknown) =>
  error instanceof AppError && (error.errors ?? []).some((e) => e.reason === 'report_too_fine');

/**
 * One panel: the report asked for, or — when it would single people out — the same with coarser time, and at
 * last without its second breakdown. Never finer than the report builder would publish.
 */
export async function dashboardPanel(ctx: Ctx, q: DashboardQuery, spec: PanelSpec) {
  let rows = spec.rows;
  let columns = spec.columns;
  for (;;) {
    try {
      const report: Report = await buildReport(ctx, {
        measure: spec.measure,
        from: q.from,
        to: q.to,
        language: q.language,
        rows,
        ...(columns ? { columns } : {}),
      });
      return { id: spec.id, report, coarsened: rows !== spec.rows || columns !== spec.columns };
    } catch (error) {
      if (!isTooFine(error)) throw error;
      const coarser = COARSER_TIME[rows];
      if (coarser) rows = coarser;
      else if (columns) [rows, columns] = [columns, undefined];
      else throw error;
    }
  }
}

/** The coordinator's and analyst's dashboard for a period: every panel aggregated and suppressed on the server. */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  authorizeReport(ctx.actor, 'report.view');
  const panels = [];
  // One after the other: a transaction runs one statement at a time.
  for (const spec of PANELS) panels.push(await dashboardPanel(ctx, q, spec));
  return {
    from: q.from,
    to: q.to,
    panels,
    abilities: {
      caseload: canReport(ctx.actor, 'report.caseload'),
      funderNarrative: canReport(ctx.actor, 'report.funder.update'),
    },
  };
}

/**
 * Open cases per counsellor, by name: for the coordinator who divides the work. Never for analysts — it is a
 * figure about named staff, not an aggregate that disclosure control could protect.
 */
export async function getCaseload(ctx: Ctx): Promise<Caseload> {
  authorizeReport(ctx.actor, 'report.caseload');
  const rows = await repo.caseloadByCounsellor(ctx.db, ctx.actor.orgId);
  return {
    counsellors: rows.map((r) => ({
      id: r.id,
      name: r.display_name,
      active: Number(r.active),
      aftercare: Number(r.aftercare),
      capacity: r.max_active_cases ?? null,
    })),
  };
}
