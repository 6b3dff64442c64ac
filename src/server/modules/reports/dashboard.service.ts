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
import { buildReport, type CountPath, type CountSource } from './report-build.js';
import { enqueueRollup } from './reports.jobs.js';
import { authorizeReport, canReport } from './reports.policy.js';
import * as repo from './reports.repository.js';
import * as rollup from './report-rollup.repository.js';

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

/** What the request panels break down by: the period's requests are counted once so, and each panel summed. */
const REQUEST_CUBE: readonly Dimension[] = ['month', 'category', 'channel', 'outcome'];
/** A time breakdown as the month ("2026-03") it is made of. */
const FROM_MONTH: Partial<Record<Dimension, (month: string) => string>> = {
  month: (m) => m,
  quarter: (m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`,
  year: (m) => m.slice(0, 4),
};

/**
 * The request counts of the dashboard's period by month × category × channel × outcome, counted on first use
 * in one pass over the contacts; the panels by category, by channel and by outcome (and their coarser
 * fallbacks) are sums of it — the same numbers as counting each, for one scan instead of three.
 */
function requestCounts(ctx: Ctx, q: DashboardQuery, path: CountPath): CountSource {
  let cube: Promise<{ keys: (string | null)[]; n: number }[]> | undefined;
  return async (measure, dimensions) => {
    if (measure !== 'requests' || !dimensions.every((d) => FROM_MONTH[d] || REQUEST_CUBE.includes(d)))
      return undefined;
    cube ??= repo.reportSettings(ctx.db, ctx.actor.orgId).then((settings) =>
      repo.countByKeys(ctx.db, ctx.actor.orgId, {
        measure,
        from: q.from,
        to: q.to,
        timeZone: settings.timeZone,
        dimensions: [...REQUEST_CUBE],
        rollupThrough: 'live' in path ? null : path.rollupThrough,
      }),
    );
    const key = (keys: (string | null)[], d: Dimension | undefined) => {
      if (!d) return null;
      const fromMonth = FROM_MONTH[d];
      return fromMonth ? fromMonth(keys[0]!) : keys[REQUEST_CUBE.indexOf(d)]!;
    };
    const sums = new Map<string, repo.CountRow>();
    for (const row of await cube) {
      const k0 = key(row.keys, dimensions[0]);
      const k1 = key(row.keys, dimensions[1]);
      const id = JSON.stringify([k0, k1]);
      const sum = sums.get(id);
      if (sum) sum.n += row.n;
      else sums.set(id, { k0, k1, n: row.n });
    }
    return [...sums.values()];
  };
}

/** Month, then quarter, then year: what a panel falls back to when a cross-tabulation is too fine. */
const COARSER_TIME: Partial<Record<Dimension, Dimension>> = { month: 'quarter', quarter: 'year' };

const isTooFine = (error: unknown) =>
  error instanceof AppError && (error.errors ?? []).some((e) => e.reason === 'report_too_fine');

/**
 * One panel: the report asked for, or — when it would single people out — the same with coarser time, and at
 * last without its second breakdown. Never finer than the report builder would publish.
 */
export async function dashboardPanel(
  ctx: Ctx,
  q: DashboardQuery,
  spec: PanelSpec,
  counts?: CountSource,
  path?: CountPath,
) {
  let rows = spec.rows;
  let columns = spec.columns;
  for (;;) {
    try {
      const report: Report = await buildReport(
        ctx,
        {
          measure: spec.measure,
          from: q.from,
          to: q.to,
          language: q.language,
          rows,
          ...(columns ? { columns } : {}),
        },
        counts,
        path,
      );
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

/**
 * The coordinator's and analyst's dashboard for a period: every panel aggregated and suppressed on the server.
 * `ctx` may read from the replica; a rollup refresh it asks for is queued through `primary` (the request's own
 * transaction), since a replica's transaction is read-only.
 */
export async function getDashboard(
  ctx: Ctx,
  q: DashboardQuery,
  options: { live?: boolean; primary?: Ctx } = {},
): Promise<Dashboard> {
  authorizeReport(ctx.actor, 'report.view');
  const path = options.live ? ({ live: true } as const) : await rollupPath(ctx, options.primary ?? ctx);
  const panels = [];
  // One after the other: a transaction runs one statement at a time.
  const counts = requestCounts(ctx, q, path);
  for (const spec of PANELS) panels.push(await dashboardPanel(ctx, q, spec, counts, path));
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

const DAY = 86_400_000;

/**
 * The rollup's last complete day for the dashboard; when the rollup is missing or older than a day, its
 * refresh is enqueued (once a day, in the primary's transaction). The figures are exact either way: the days after the
 * rollup's are counted live.
 */
async function rollupPath(ctx: Ctx, primary: Ctx): Promise<CountPath> {
  const state = await rollup.rollupState(ctx.db, ctx.actor.orgId);
  const now = ctx.clock.now();
  if (!state || now.getTime() - new Date(state.refreshed_at).getTime() > DAY)
    await enqueueRollup(primary, now);
  return { rollupThrough: state?.through ?? null };
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
