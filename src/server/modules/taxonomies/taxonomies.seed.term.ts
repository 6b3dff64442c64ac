import type { Labels, TaxonomyKind } from '../../../shared/taxonomy.schema.js';

/** A term of a standard list, and `t` to write one on a line: kind, code and its label in each language. */
export interface SeedTerm {
  kind: TaxonomyKind;
  code: string;
  labels: Labels;
  requiresConsent?: boolean;
}

export const t = (
  kind: TaxonomyKind,
  code: string,
  nl: string,
  en: string,
  ar: string,
  tr: string,
  requiresConsent = false,
): SeedTerm => ({
  kind,
  code,
  labels: { nl, en, ar, tr },
  requiresConsent,
});
