import type { TFunction } from 'i18next';
import { FORM_LANGUAGES } from '../../../shared/consent.schema';
import type { Consent, DataCategory, FormLanguage } from '../../../shared/consent.schema';
import type { PartnerType } from '../../../shared/partners.schema';
import type { UiLanguage } from '../../../shared/roles';

const LIST_LOCALES: Record<UiLanguage, string> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar', tr: 'tr-TR' };

export function isFormLanguage(value: unknown): value is FormLanguage {
  return typeof value === 'string' && (FORM_LANGUAGES as readonly string[]).includes(value);
}

/** The consent form's language: the caller's conversation language when a form exists in it, else Dutch. */
export function formLanguageFor(conversationLanguage: string): FormLanguage {
  return isFormLanguage(conversationLanguage) ? conversationLanguage : 'nl';
}

/** "a, b and c" in the UI language. */
export function joinList(items: string[], language: UiLanguage): string {
  return new Intl.ListFormat(LIST_LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}

export const categoryLabels = (t: TFunction, categories: readonly DataCategory[]) =>
  categories.map((category) => t(`dataCategories.${category}.label`));

/** Who may receive it: a named partner, or every partner of a type. */
export function recipientLabel(
  t: TFunction,
  scope: { partner: { name: string } | null; partnerType: PartnerType | null },
  heading = false,
): string {
  if (scope.partner) return scope.partner.name;
  if (scope.partnerType)
    return t(heading ? 'consent.everyOfTypeHeading' : 'consent.everyOfType', {
      type: t(`partners.types.${scope.partnerType}`),
    });
  return '—';
}

/** Active consents that name this partner (or its type) and, if given, this purpose; newest first. */
export function consentsFor(
  consents: Consent[],
  partner: { id: string; type: PartnerType },
  purpose?: string,
): Consent[] {
  return consents
    .filter(
      (consent) =>
        consent.status === 'active' &&
        (consent.partner?.id === partner.id || consent.partnerType === partner.type) &&
        (purpose === undefined || consent.purpose === purpose),
    )
    .sort((a, b) => b.givenOn.localeCompare(a.givenOn));
}

/** Summaries are for the partner organisations, which work in Dutch: their PDF is Dutch, whatever the UI. */
export const PARTNER_LANGUAGE: FormLanguage = 'nl';
