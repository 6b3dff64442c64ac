import type { Report } from '../../../shared/reports.schema.js';
import type { UI_LANGUAGES } from '../../../shared/roles.js';
import type { PublishedCount } from './disclosure.js';
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

/** The report laid out as a table in the reader's language, with totals and the rules it was published under. */
export function publishedTable(report: Report, language: Language): PublishedTable {
  const t = report.rules.threshold;
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
  const notes = [
    uiText(language, 'reports.period', { from: report.from, to: report.to }),
    uiText(language, 'reports.legendBelow', { threshold: t }),
    uiText(language, 'reports.legendProtects'),
    ...(report.rules.roundToFive ? [uiText(language, 'reports.legendRounded')] : []),
  ];
  return { header, body, notes };
}

/** The table as CSV (UTF-8 with a byte-order mark for spreadsheets, CRLF line ends). */
export function reportCsv(table: PublishedTable): Buffer {
  return Buffer.from(toCsv(table.header, [...table.body, [], ...table.notes.map((n) => [n])]), 'utf8');
}
