import type { TFunction } from 'i18next';
import type { ScorePart } from '../../../shared/matching.schema';
import type { useTaxonomy } from '../taxonomies/hooks/useTerms';
import { termLabel } from '../taxonomies/hooks/useTerms';

type Taxonomy = ReturnType<typeof useTaxonomy>;

/** A language code (as in the `language` list and the conversation languages) in the UI language. */
export function languageLabel(t: TFunction, taxonomy: Taxonomy, code: string): string {
  const term = taxonomy.ofKind('language').find((item) => item.code === code);
  if (term) return termLabel(term);
  return t(`conversationLanguages.${code}`, { defaultValue: code });
}

/** One part of a score as the sentence the coordinator reads ("Speaks Tarifit", "2 of 4 places free"). */
export function partText(t: TFunction, taxonomy: Taxonomy, part: ScorePart): string {
  const p = part.params;
  switch (part.code) {
    case 'speaks_language':
    case 'preferred_language':
      return t(`matching.parts.${part.code}`, { language: languageLabel(t, taxonomy, String(p.language)) });
    case 'preferred_gender':
      return t('matching.parts.preferred_gender', {
        gender: t(`counsellors.genders.${String(p.gender)}`, { defaultValue: String(p.gender) }),
      });
    case 'preferred_background': {
      // The list's label in the current UI language; else the label the server resolved. Never the id.
      const term = taxonomy.term(String(p.backgroundId));
      const background = term ? termLabel(term) : typeof p.background === 'string' ? p.background : '—';
      return t('matching.parts.preferred_background', { background });
    }
    case 'same_province':
      return t('matching.parts.same_province', { province: String(p.province) });
    case 'capacity':
      return t('matching.parts.capacity', { free: p.free, max: p.max });
    default:
      return t(`matching.parts.${part.code}`);
  }
}
