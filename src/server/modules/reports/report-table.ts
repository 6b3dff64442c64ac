import type { Report } from '../../../shared/reports.schema.js';
import type { UI_LANGUAGES } from '../../../shared/roles.js';
import type { PublishedCount, PublishedDurationValue, PublishedReachValue } from './disclosure.js';
import { dimensionLabel, measureLabel, uiText } from './report-labels.js';
import { toCsv } from '../../lib/csv.js';

type Language = (typeof UI_LANGUAGES)[number];

/** A cell of an export: a published number, or text ("<5", "x", a label). Never a raw count. */
export type ExportCell = number | string;

/** The published table as every export writes it: one header row, body rows, and the notes below. */
export interface PublishedTable {
  header: string[];
  /** The last row is the total row when the report has rows. */
  body: ExportCell[][];
  /** Period, legend and rules, in the reader's language. */
  notes: string[];
}

/** A published count as written in an export: the number, "<5", or "x" (hidden to protect another). */
export function exportValue(count: PublishedCount, threshold: number): ExportCell {
  if (count.kind === 'count') return count.value;
  return count.reason === 'below_threshold' ? `<${threshold}` : 'x';
}

/** How a published count is written in text: the number, "<5", or "x". */
export function exportCell(count: PublishedCount, threshold: number): string {
  return String(exportValue(count, threshold));
}

/** Hours to one decimal, with the reader's decimal separator. */
export function formatHours(hours: number, language: Language): string {
  return hours.toLocaleString(language === 'ar' ? 'ar-u-nu-latn' : language, { maximumFractionDigits: 1 });
}

/** A published median or 90th percentile in hours, or the marker of the count it stands beside. */
function durationValue(
  stat: PublishedDurationValue,
  pick: 'median' | 'p90',
  count: PublishedCount,
  threshold: number,
): ExportCell {
  if (stat.kind === 'value') return stat[pick];
  return count.kind === 'suppressed' ? exportValue(count, threshold) : 'x';
}

/** A duration report: per row the number of cases, the median and the 90th percentile (hours). */
function durationTable(report: Report, language: Language): PublishedTable['body'] {
  const t = report.rules.threshold;
  const durations = report.durations!;
  const line = (label: string, count: PublishedCount, stat: PublishedDurationValue): ExportCell[] => [
    label,
    exportValue(count, t),
    durationValue(stat, 'median', count, t),
    durationValue(stat, 'p90', count, t),
  ];
  return [
    ...(report.rows?.keys ?? []).map((key, i) => line(key.label, report.cells[i]![0]!, durations.rows[i]!)),
    line(uiText(language, 'reports.total'), report.total, durations.total),
  ];
}

/** An activities report: per row the number of activities, their attendees and facilitator hours. */
function reachTable(report: Report, language: Language): PublishedTable['body'] {
  const t = report.rules.threshold;
  const reach = report.reach!;
  const hidden = (count: PublishedCount) => (count.kind === 'suppressed' ? exportValue(count, t) : 'x');
  const line = (label: string, count: PublishedCount, value: PublishedReachValue): ExportCell[] => [
    label,
    exportValue(count, t),
    value.kind === 'value' ? value.attendees : hidden(count),
    value.kind === 'value' ? value.facilitatorHours : hidden(count),
  ];
  return [
    ...(report.rows?.keys ?? []).map((key, i) => line(key.label, report.cells[i]![0]!, reach.rows[i]!)),
    line(uiText(language, 'reports.total'), report.total, reach.total),
  ];
}

/** The report laid out as a table in the reader's language, with totals and the rules it was published under. */
export function publishedTable(report: Report, language: Language): PublishedTable {
  const t = report.rules.threshold;
  if (report.durations)
    return {
      header: [
        report.rows
          ? dimensionLabel(language, report.rows.dimension)
          : measureLabel(language, report.measure),
        uiText(language, 'reports.durations.cases'),
        uiText(language, 'reports.durations.median'),
        uiText(language, 'reports.durations.p90'),
      ],
      body: durationTable(report, language),
      notes: notes(report, language),
    };
  if (report.reach)
    return {
      header: [
        report.rows
          ? dimensionLabel(language, report.rows.dimension)
          : measureLabel(language, report.measure),
        uiText(language, 'reports.reach.activities'),
        uiText(language, 'reports.reach.attendees'),
        uiText(language, 'reports.reach.hours'),
      ],
      body: reachTable(report, language),
      notes: notes(report, language),
    };
  const total = uiText(language, 'reports.total');
  const header = [
    report.rows ? dimensionLabel(language, report.rows.dimension) : measureLabel(language, report.measure),
    ...(report.columns ? report.columns.keys.map((k) => k.label) : [measureLabel(language, report.measure)]),
    ...(report.columns ? [total] : []),
  ];
  const body: ExportCell[][] = [];
  (report.rows?.keys ?? [{ key: '', label: total }]).forEach((key, i) => {
    body.push([
      key.label,
      ...report.cells[i]!.map((c) => exportValue(c, t)),
      ...(report.columns ? [exportValue(report.rowTotals[i]!, t)] : []),
    ]);
  });
  if (report.rows)
    body.push([
      total,
      ...report.columnTotals.map((c) => exportValue(c, t)),
      ...(report.columns ? [exportValue(report.total, t)] : []),
    ]);
  return { header, body, notes: notes(report, language) };
}

/** Period, legend and rules, in the reader's language. */
function notes(report: Report, language: Language): string[] {
  return [
    uiText(language, 'reports.period', { from: report.from, to: report.to }),
    uiText(language, 'reports.legendBelow', { threshold: report.rules.threshold }),
    uiText(language, 'reports.legendProtects'),
    ...(report.durations ? [uiText(language, 'reports.legendDurations')] : []),
    ...(report.reach ? [uiText(language, 'reports.legendReach')] : []),
    ...(report.rules.roundToFive ? [uiText(language, 'reports.legendRounded')] : []),
  ];
}

/** The table as CSV (UTF-8 with a byte-order mark for spreadsheets, CRLF line ends). */
export function reportCsv(table: PublishedTable): Buffer {
  return Buffer.from(toCsv(table.header, [...table.body, [], ...table.notes.map((n) => [n])]), 'utf8');
}
