import type { Report } from '../../../shared/reports.schema.js';
import type { UI_LANGUAGES } from '../../../shared/roles.js';
import { renderPdf } from '../../lib/pdf/render.js';
import { measureLabel, uiText } from './report-labels.js';
import type { PublishedTable } from './report-table.js';

type Language = (typeof UI_LANGUAGES)[number];

/**
 * The published table as a PDF: title (measure, period), the table, a bar chart of the published counts and
 * the legend. The chart is drawn from the published table only: a hidden cell is an empty hatched bar that
 * says "<5" or "x", never its value.
 */
export async function reportPdf(report: Report, table: PublishedTable, language: Language): Promise<Buffer> {
  const title = measureLabel(language, report.measure);
  const numeric = table.header.map((_, i) => i > 0);
  // One bar per row: the row's published figure (its total in a cross-tabulation), totals row left out.
  const rows = report.rows ? table.body.slice(0, -1) : table.body;
  const bars = rows.map((row) => {
    const figure = row.at(-1)!;
    return {
      label: String(row[0]),
      value: typeof figure === 'number' ? figure : null,
      text: String(figure),
    };
  });
  return renderPdf({
    lang: language,
    title,
    footer: uiText(language, 'reports.title'),
    blocks: [
      { kind: 'title', text: title },
      { kind: 'paragraph', text: table.notes[0]! },
      {
        kind: 'table',
        header: table.header,
        rows: table.body.map((row) => row.map(String)),
        numeric,
        totalRow: report.rows !== null,
      },
      ...(report.rows ? [{ kind: 'bars' as const, bars }] : []),
      { kind: 'list', items: table.notes.slice(1) },
    ],
  });
}
