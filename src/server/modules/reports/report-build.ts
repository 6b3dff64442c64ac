import {
  COARSER,
  DIMENSIONS_OF,
  MAX_REPORT_DAYS,
  TIMELINESS,
  isDurationMeasure,
  isReachMeasure,
  type Dimension,
  type Measure,
  type Report,
  type ReportQuery,
} from '../../../shared/reports.schema.js';
import type { FieldError } from '../../../shared/problem.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addMonths } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { protectTable, publishDuration, publishReach, type DisclosureRules } from './disclosure.js';
import { codeLabel, uiText } from './report-labels.js';
import * as repo from './reports.repository.js';
import * as rollup from './report-rollup.repository.js';

/** A breakdown whose values are taxonomy terms: labelled from the organisation's own list. */
const TERM_DIMENSIONS: readonly Dimension[] = ['category', 'closure', 'intervention', 'activity_type'];

/** In a cross-tabulation, when more than this share of the non-empty cells is small, it is refused. */
const MAX_SMALL_SHARE = 0.5;

const invalid = (errors: FieldError[]) => new AppError('validation_failed', undefined, { errors });

/** Which breakdowns are asked for, in order, after checking them against the allow-list. */
function checkQuery(q: ReportQuery): Dimension[] {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days < 0)
    throw invalid([{ field: 'to', reason: 'before_start', message: 'The end is before the start' }]);
  if (days > MAX_REPORT_DAYS)
    throw invalid([
      { field: 'to', reason: 'period_too_long', message: 'A report covers at most five years' },
    ]);
  if (q.columns && (isDurationMeasure(q.measure) || isReachMeasure(q.measure)))
    throw invalid([
      {
        field: 'columns',
        reason: 'not_a_breakdown',
        message: 'A duration or reach is broken down by rows only',
      },
    ]);
  if (q.columns && !q.rows)
    throw invalid([
      { field: 'columns', reason: 'rows_first', message: 'Choose the rows before the columns' },
    ]);
  if (q.columns && q.columns === q.rows)
    throw invalid([
      { field: 'columns', reason: 'same_dimension', message: 'Choose two different breakdowns' },
    ]);
  const dimensions = [q.rows, q.columns].filter((d): d is Dimension => d !== undefined);
  for (const [field, dimension] of [
    ['rows', q.rows],
    ['columns', q.columns],
  ] as const) {
    if (dimension && !DIMENSIONS_OF[q.measure].includes(dimension))
      throw invalid([{ field, reason: 'not_a_breakdown', message: 'This measure cannot be broken down so' }]);
  }
  if (dimensions.length > 1 && dimensions.includes('municipality'))
    throw invalid([
      {
        field: q.rows === 'municipality' ? 'rows' : 'columns',
        reason: 'report_too_fine',
        message: 'Municipalities are reported on their own; use the province to cross them with anything',
      },
    ]);
  return dimensions;
}

/** Every bucket of a time breakdown in the period, so that empty months show as empty, in order. */
function timeKeys(dimension: Dimension, from: string, to: string): string[] | undefined {
  if (dimension !== 'month' && dimension !== 'quarter' && dimension !== 'year') return undefined;
  const keys: string[] = [];
  for (let day = `${from.slice(0, 7)}-01`; day <= to; day = addMonths(day, 1)) {
    const [year, month] = [day.slice(0, 4), Number(day.slice(5, 7))];
    const key =
      dimension === 'month'
        ? day.slice(0, 7)
        : dimension === 'quarter'
          ? `${year}-Q${Math.ceil(month / 3)}`
          : year;
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

async function axis(
  ctx: Ctx,
  q: ReportQuery,
  dimension: Dimension | undefined,
  observed: string[],
): Promise<Report['rows']> {
  if (!dimension) return null;
  const language = q.language;
  const times = timeKeys(dimension, q.from, q.to);
  if (times) return { dimension, keys: times.map((key) => ({ key, label: key })) };
  // Every timeliness value, in its own order, so that "none on time" shows as such.
  const keys = dimension === 'timeliness' ? [...TIMELINESS] : [...new Set(observed)];
  if (dimension === 'timeliness')
    return {
      dimension,
      keys: keys.map((key) => ({ key, label: codeLabel(language, dimension, key) ?? key })),
    };
  if (TERM_DIMENSIONS.includes(dimension)) {
    const terms = await repo.termLabels(
      ctx.db,
      ctx.actor.orgId,
      keys.filter((k) => k !== 'unknown'),
    );
    const byId = new Map(terms.map((t) => [t.id, t]));
    return {
      dimension,
      keys: keys
        .map((key) => {
          const term = byId.get(key);
          return {
            key,
            label: term ? `${term.code} ${term.labels[language]}` : uiText(language, 'reports.unknown'),
            sort: term ? term.sort : Number.MAX_SAFE_INTEGER,
          };
        })
        .sort((a, b) => a.sort - b.sort || a.label.localeCompare(b.label))
        .map(({ key, label }) => ({ key, label })),
    };
  }
  return {
    dimension,
    keys: keys
      .map((key) => ({ key, label: codeLabel(language, dimension, key) ?? key }))
      .sort((a, b) => a.label.localeCompare(b.label, language)),
  };
}

/**
 * Counts the measure, breaks it down, and publishes it under the organisation's disclosure rules; for a
 * duration measure also the median and 90th percentile of each published group. The caller authorises.
 */
/**
 * Counts already at hand for a measure and its breakdowns (the dashboard counts the year's requests once for
 * several panels), or undefined: then the report counts in the database.
 */
export type CountSource = (measure: Measure, dimensions: Dimension[]) => Promise<repo.CountRow[] | undefined>;

/**
 * Where the counts come from: the rollup's complete days (up to `rollupThrough`) and the days after it live,
 * or — with `live` — every day from the events themselves (the rollup's integration test compares the two).
 * Without either, the rollup as it is now.
 */
export type CountPath = { live: true } | { rollupThrough: string | null };

export async function buildReport(
  ctx: Ctx,
  q: ReportQuery,
  counts?: CountSource,
  path?: CountPath,
): Promise<Report> {
  const dimensions = checkQuery(q);
  const settings = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  const rollupThrough = !path
    ? ((await rollup.rollupState(ctx.db, ctx.actor.orgId))?.through ?? null)
    : 'live' in path
      ? null
      : path.rollupThrough;
  const period = { measure: q.measure, from: q.from, to: q.to, timeZone: settings.timeZone, rollupThrough };
  // A duration's summaries carry the number of cases per group: one pass gives the counts and the statistics.
  const summaries = isDurationMeasure(q.measure)
    ? await repo.durationsBy(ctx.db, ctx.actor.orgId, { ...period, dimension: q.rows })
    : null;
  // Likewise the reach of activities: their number, attendees and facilitator hours per group.
  const reached = isReachMeasure(q.measure)
    ? await repo.reachBy(ctx.db, ctx.actor.orgId, { ...period, dimension: q.rows })
    : null;
  const counted = summaries
    ? countsOf(summaries, q.rows !== undefined)
    : reached
      ? countsOf(reached, q.rows !== undefined)
      : ((await counts?.(q.measure, dimensions)) ??
        (await repo.countBy(ctx.db, ctx.actor.orgId, { ...period, dimensions })));
  const rows = await axis(
    ctx,
    q,
    q.rows,
    counted.map((r) => r.k0 ?? 'unknown'),
  );
  const columns = await axis(
    ctx,
    q,
    q.columns,
    counted.map((r) => r.k1 ?? 'unknown'),
  );
  const rowIndex = new Map((rows?.keys ?? [{ key: '' }]).map((k, i) => [k.key, i]));
  const columnIndex = new Map((columns?.keys ?? [{ key: '' }]).map((k, i) => [k.key, i]));
  const matrix = [...rowIndex.keys()].map(() => [...columnIndex.keys()].map(() => 0));
  for (const r of counted) {
    const i = rows ? rowIndex.get(r.k0 ?? 'unknown') : 0;
    const j = columns ? columnIndex.get(r.k1 ?? 'unknown') : 0;
    if (i !== undefined && j !== undefined) matrix[i]![j]! += r.n;
  }
  const rules = { threshold: settings.threshold, roundToFive: settings.roundToFive };
  const table = protectTable(matrix, rules);
  if (rows && columns) refuseIfTooFine(matrix, rules.threshold, q);
  const durations = summaries ? publishDurations(summaries, rows, table, rules) : null;
  const reach = reached ? publishReaches(reached, rows, table, rules) : null;
  return { measure: q.measure, from: q.from, to: q.to, rows, columns, ...table, rules, durations, reach };
}

/**
 * The counts of a duration measure from its summaries, as `countBy` would give them: per group when the
 * report has rows (a group whose key is null counts as "unknown", as there), else the whole.
 */
function countsOf(summaries: { k0: string | null; n: number }[], byRows: boolean): repo.CountRow[] {
  if (byRows)
    return summaries.filter((s) => s.k0 !== null && s.n > 0).map((s) => ({ k0: s.k0, k1: null, n: s.n }));
  const whole = summaries.find((s) => s.k0 === null);
  return whole && whole.n > 0 ? [{ k0: null, k1: null, n: whole.n }] : [];
}

/** Median and 90th percentile per row and over all, only beside counts that are themselves published. */
function publishDurations(
  summaries: repo.DurationRow[],
  rows: Report['rows'],
  table: ReturnType<typeof protectTable>,
  rules: DisclosureRules,
): NonNullable<Report['durations']> {
  const whole = summaries.find((s) => s.k0 === null);
  const byKey = new Map(summaries.filter((s) => s.k0 !== null).map((s) => [s.k0, s]));
  return {
    rows: (rows?.keys ?? []).map((k, i) => publishDuration(table.cells[i]![0]!, byKey.get(k.key), rules)),
    total: publishDuration(table.total, whole, rules),
  };
}

/** Attendees and facilitator hours per row and over all, only beside counts that are themselves published. */
function publishReaches(
  summaries: repo.ReachRow[],
  rows: Report['rows'],
  table: ReturnType<typeof protectTable>,
  rules: DisclosureRules,
): NonNullable<Report['reach']> {
  const whole = summaries.find((s) => s.k0 === null);
  const byKey = new Map(summaries.filter((s) => s.k0 !== null).map((s) => [s.k0, s]));
  return {
    rows: (rows?.keys ?? []).map((k, i) => publishReach(table.cells[i]![0]!, byKey.get(k.key), rules)),
    total: publishReach(table.total, whole, rules),
  };
}

/** A cross-tabulation where most people sit in small cells singles them out: name what to coarsen. */
function refuseIfTooFine(matrix: number[][], threshold: number, q: ReportQuery) {
  const filled = matrix.flat().filter((n) => n > 0);
  const small = filled.filter((n) => n < threshold);
  if (filled.length < 2 || small.length / filled.length <= MAX_SMALL_SHARE) return;
  const rank = (d: Dimension | undefined) => (d ? ['municipality', 'month', 'quarter'].indexOf(d) : -1);
  const finer = rank(q.columns) > rank(q.rows) ? 'columns' : 'rows';
  const dimension = q[finer]!;
  const coarser = COARSER[dimension];
  throw invalid([
    {
      field: finer,
      reason: 'report_too_fine',
      message: coarser
        ? `Too many small groups: use ${coarser} instead of ${dimension}, or drop a breakdown`
        : `Too many small groups: drop the breakdown by ${dimension} or take a longer period`,
    },
  ]);
}
