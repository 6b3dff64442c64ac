import { formatList } from '../../components/format';
import type { UiLanguage } from '../../../shared/roles';

/** [14, 28, 42] → "14, 28, 42" (Arabic: "14، 28، 42"), as the field shows it. */
export function daysToText(days: readonly number[], language: UiLanguage): string {
  return formatList(
    days.map((day) => String(day)),
    language,
  );
}

// Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits, as Arabic keyboards type them; both blocks start
// at a code point ending in 0, so the low four bits are the digit's value.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const westernDigit = (digit: string) => String((digit.codePointAt(0) ?? 0) & 0xf);

/**
 * "14, 28, 42" → [14, 28, 42], sorted and without repeats. Commas, semicolons (Latin or Arabic) and spaces
 * separate; Arabic digits count as digits. Anything that is not a whole number makes the list invalid (null).
 */
export function parseDays(text: string): number[] | null {
  const parts = text
    .replace(EASTERN_DIGITS, westernDigit)
    .split(/[\s,;،؛]+/u)
    .filter(Boolean);
  const days = parts.map(Number);
  return days.every((day) => Number.isInteger(day)) ? [...new Set(days)].sort((a, b) => a - b) : null;
}
