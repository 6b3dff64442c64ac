/**
 * CSV as RFC 4180 describes it, for exports a privacy officer opens in a spreadsheet:
 * - every field is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled;
 * - records end in CRLF;
 * - a text cell starting with = + - @, a tab or CR gets a leading apostrophe, so a spreadsheet shows it as
 *   text instead of running it as a formula (names and reasons are typed by people: CSV injection);
 * - a byte-order mark first, so spreadsheet programs read UTF-8 (Arabic and Turkish names) correctly.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
