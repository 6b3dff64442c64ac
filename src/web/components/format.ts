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
