import type { UI_LANGUAGES } from '../../../shared/roles.js';
import type { PublishedTable } from './report-table.js';

type Language = (typeof UI_LANGUAGES)[number];

/**
 * The published table as an XLSX workbook: one sheet, a header row, published counts as numbers, "<5" and
 * "x" as text, the legend below. No formulas: every cell is a plain number or a text value (a text cell is
 * never evaluated, so a label starting with = + - @ stays text), and totals are the published ones.
 */
export async function reportXlsx(
  table: PublishedTable,
  options: { language: Language; title: string },
): Promise<Buffer> {
  // Loaded on the first export, not at start (about 9 MB of heap otherwise held by every instance).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Confidant';
  const sheet = workbook.addWorksheet(sheetName(options.title), {
    views: [{ rightToLeft: options.language === 'ar', state: 'frozen', ySplit: 1 }],
  });
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  for (const row of table.body) sheet.addRow(row);
  if (table.body.length > 1) sheet.lastRow!.font = { bold: true };
  sheet.addRow([]);
  for (const note of table.notes) sheet.addRow([note]);
  sheet.getColumn(1).width = Math.min(48, Math.max(14, ...table.body.map((r) => String(r[0]).length + 2)));
  for (let i = 2; i <= table.header.length; i++) {
    const column = sheet.getColumn(i);
    column.width = Math.min(24, Math.max(8, table.header[i - 1]!.length + 2));
    column.alignment = { horizontal: 'right' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Report';
}
