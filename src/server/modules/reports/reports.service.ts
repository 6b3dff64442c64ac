import {
  COARSER,
  DIMENSIONS_OF,
  MAX_REPORT_DAYS,
  type Dimension,
  type Report,
  type ReportExport,
  type ReportQuery,
  type ReportSettings,
} from '../../../shared/reports.schema.js';
import type { FieldError } from '../../../shared/problem.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addMonths } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { protectTable } from './disclosure.js';
import { codeLabel, measureLabel, uiText } from './report-labels.js';
import { reportPdf } from './report-pdf.js';
import { publishedTable, reportCsv } from './report-table.js';
import { reportXlsx } from './report-xlsx.js';
import { authorizeReport } from './reports.policy.js';
import * as repo from './reports.repository.js';

/** A breakdown whose values are taxonomy terms: labelled from the organisation's own list. */
const TERM_DIMENSIONS: readonly Dimension[] = ['category', 'closure', 'intervention'];

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
  const keys = [...new Set(observed)];
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

/** Counts the measure, breaks it down, and publishes it under the organisation's disclosure rules. */
async function build(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const dimensions = checkQuery(q);
  const settings = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  const counted = await repo.countBy(ctx.db, ctx.actor.orgId, {
    measure: q.measure,
    from: q.from,
    to: q.to,
    timeZone: settings.timeZone,
    dimensions,
  });
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
  return { measure: q.measure, from: q.from, to: q.to, rows, columns, ...table, rules };
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

export async function runReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  authorizeReport(ctx.actor, 'report.view');
  return build(ctx, q);
}

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * The published table as CSV, XLSX or PDF in the reader's language, with the rules it was published under;
 * every export is audited with its format.
 */
export async function exportReport(
  ctx: Ctx,
  q: ReportExport,
): Promise<{ filename: string; body: Buffer; mediaType: string }> {
  authorizeReport(ctx.actor, 'report.export');
  const { format, ...query } = q;
  const report = await build(ctx, query);
  const table = publishedTable(report, q.language);
  const body =
    format === 'xlsx'
      ? await reportXlsx(table, { language: q.language, title: measureLabel(q.language, report.measure) })
      : format === 'pdf'
        ? await reportPdf(report, table, q.language)
        : reportCsv(table);
  await audit(ctx, {
    action: 'report.export',
    entity: 'report',
    // Which report, readable in the log without details: measure/rows/columns/from/to/format.
    entityId: [
      report.measure,
      report.rows?.dimension ?? '-',
      report.columns?.dimension ?? '-',
      report.from,
      report.to,
      format,
    ].join('/'),
    details: {
      measure: report.measure,
      rows: report.rows?.dimension ?? null,
      columns: report.columns?.dimension ?? null,
      from: report.from,
      to: report.to,
      format,
    },
  });
  return {
    filename: `confidant-${report.measure}-${report.from}-${report.to}.${format}`,
    body,
    mediaType: MEDIA_TYPES[format],
  };
}

export async function getReportSettings(ctx: Ctx): Promise<ReportSettings> {
  authorizeReport(ctx.actor, 'report.settings.view');
  const { threshold, roundToFive } = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  return { threshold, roundToFive };
}

export async function updateReportSettings(ctx: Ctx, input: ReportSettings): Promise<ReportSettings> {
  authorizeReport(ctx.actor, 'report.settings.update');
  const before = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  const changed = [
    ...(before.threshold !== input.threshold ? ['report_threshold'] : []),
    ...(before.roundToFive !== input.roundToFive ? ['report_round_to_five'] : []),
  ];
  if (changed.length > 0) {
    await repo.updateReportSettings(ctx.db, ctx.actor.orgId, input, ctx.clock.now());
    await audit(ctx, {
      action: 'organisation.report_settings_update',
      entity: 'organisation',
      entityId: ctx.actor.orgId,
      changedFields: changed,
      details: { threshold: input.threshold, roundToFive: input.roundToFive },
    });
  }
  return input;
}
