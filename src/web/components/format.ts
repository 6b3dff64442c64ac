import type { UiLanguage } from '../../shared/roles';

// Western digits in Arabic too: record ids and sequence numbers must read the same for every colleague.
const LOCALES: Record<UiLanguage, string> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar-u-nu-latn', tr: 'tr-TR' };

/** Date and time in the UI language, or the given fallback for null. */
export function formatDateTime(value: string | null, language: UiLanguage, fallback = '—'): string {
  if (!value) return fallback;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

/** A calendar day (YYYY-MM-DD) in the UI language; days carry no time zone, so they are read as UTC. */
export function formatDay(value: string | null, language: UiLanguage, fallback = '—'): string {
  if (!value) return fallback;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value.slice(0, 10)}T00:00:00Z`),
  );
}

// Arabic separates the items of a list with its own comma. (Intl.ListFormat's 'unit' lists differ by engine and
// put "و" (and) into Arabic lists, and spaces alone into Turkish ones; a list of labels wants only commas.)
const LIST_SEPARATORS: Record<UiLanguage, string> = { nl: ', ', en: ', ', ar: '، ', tr: ', ' };

/** Labels or names as one comma-separated list in the UI language. */
export function formatList(items: readonly string[], language: UiLanguage): string {
  return items.join(LIST_SEPARATORS[language]);
}

/** YYYY-MM-DD (en-CA's way of writing a day) in `timeZone`, or in the device's zone. */
const dayFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

let helplineDay = dayFormat();

/**
 * The helpline's time zone, from the session (the organisation's setting). The server decides which day it is
 * in that zone (due dates, validity, the public site's meetings); the web's date defaults and limits follow it,
 * whatever zone the device is in. Until a session is known, the device's zone.
 */
export function setHelplineTimeZone(timeZone: string | undefined): void {
  try {
    helplineDay = dayFormat(timeZone);
  } catch {
    helplineDay = dayFormat(); // a zone this browser does not know: the device's own
  }
}

/** Today as YYYY-MM-DD in the helpline's time zone (for date inputs). */
export function todayIso(now: Date = new Date()): string {
  return helplineDay.format(now);
}

/** Now as the value of a `datetime-local` input (local time, minutes). */
export function nowLocalInput(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A fresh id for idempotent saves; retries of the same save reuse it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
