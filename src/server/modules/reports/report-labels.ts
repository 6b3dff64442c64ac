import ar from '../../../web/i18n/locales/ar.json' with { type: 'json' };
import en from '../../../web/i18n/locales/en.json' with { type: 'json' };
import nl from '../../../web/i18n/locales/nl.json' with { type: 'json' };
import tr from '../../../web/i18n/locales/tr.json' with { type: 'json' };
import type { Dimension, Measure } from '../../../shared/reports.schema.js';
import type { UI_LANGUAGES } from '../../../shared/roles.js';

type Language = (typeof UI_LANGUAGES)[number];
const LOCALES: Record<Language, unknown> = { nl, en, ar, tr };

/** One translation from the UI's own locale files (one source for screen and export); the key if missing. */
export function uiText(
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): string {
  let node: unknown = LOCALES[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Where the label of a coded dimension value lives in the locale files. */
const CODE_KEYS: Partial<Record<Dimension, (code: string) => string>> = {
  channel: (code) => `channels.${code}`,
  outcome: (code) => `intake.outcomes.${code}`,
  partner_type: (code) => `partners.types.${code}`,
  purpose: (code) => `consentPurposes.${code}.label`,
  status: (code) => `referrals.statuses.${code}`,
  timeliness: (code) => `reports.timeliness.${code}`,
};

/** The label of a value of a coded dimension (channel, outcome …), or undefined if it is not coded. */
export function codeLabel(language: Language, dimension: Dimension, code: string): string | undefined {
  if (code === 'unknown') return uiText(language, 'reports.unknown');
  const key = CODE_KEYS[dimension]?.(code);
  return key ? uiText(language, key) : undefined;
}

export const measureLabel = (language: Language, measure: Measure) =>
  uiText(language, `reports.measures.${measure}`);
export const dimensionLabel = (language: Language, dimension: Dimension) =>
  uiText(language, `reports.dimensions.${dimension}`);
