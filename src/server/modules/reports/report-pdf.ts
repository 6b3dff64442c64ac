import type { Report } from '../../../shared/reports.schema.js';
import type { UI_LANGUAGES } from '../../../shared/roles.js';
import { renderPdf, type PdfBlock } from '../../lib/pdf/render.js';
import { measureLabel, uiText } from './report-labels.js';
import type { PublishedTable } from './report-table.js';

type Language = (typeof UI_LANGUAGES)[number];

/** A table wider than this many columns is printed on landscape pages. */
const LANDSCAPE_FROM_COLUMNS = 7;

/**
 * The published table as PDF blocks: the table, then a bar per row of its published figure (the row's
 * total in a cross-tabulation, the count column for a duration). The chart is drawn from the published table
 * only: a hidden cell is an empty hatched bar that says "<5" or "x", never its value.
 */
export function tableBlocks(report: Report, table: PublishedTable): PdfBlock[] {
  const numeric = table.header.map((_, i) => i > 0);
  const rows = report.rows ? table.body.slice(0, -1) : table.body;
  const figureAt = report.durations ? 1 : -1;
  const bars = rows.map((row) => {
    const figure = row.at(figureAt)!;
    return { label: String(row[0]), value: typeof figure === 'number' ? figure : null, text: String(figure) };
  });
  return [
    {
      kind: 'table',
      header: table.header,
      rows: table.body.map((row) => row.map(String)),
      numeric,
      totalRow: report.rows !== null,
    },
    ...(report.rows ? [{ kind: 'bars' as const, bars }] : []),
  ];
}

/** Whether a table needs landscape pages to stay legible. */
export const isWide = (table: PublishedTable) => table.header.length >= LANDSCAPE_FROM_COLUMNS;

/** The published table as a PDF: title (measure, period), the table, a bar chart and the legend. */
export async function reportPdf(report: Report, table: PublishedTable, language: Language): Promise<Buffer> {
  const title = measureLabel(language, report.measure);
  return renderPdf({
    lang: language,
    title,
    footer: uiText(language, 'reports.title'),
    orientation: isWide(table) ? 'landscape' : 'portrait',
    blocks: [
      { kind: 'title', text: title },
      { kind: 'paragraph', text: table.notes[0]! },
      ...tableBlocks(report, table),
      { kind: 'list', items: table.notes.slice(1) },
    ],
  });
}
