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

/** Today as YYYY-MM-DD in the browser's time zone (for date inputs). */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
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
