import { PARTNER_TYPES } from '../../../shared/partners.schema.js';
import type { ConsentText } from '../../../shared/consent-text.schema.js';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import type { AnyActor } from '../../lib/actor.js';
import { PDF_STRINGS } from '../../lib/pdf/strings.js';
import { authorizeConsentText } from './consent-text.policy.js';

/** The consent form's words in one language, taken from the PDF's own strings (one source for both). */
export function consentText(actor: AnyActor, language: FormLanguage): ConsentText {
  authorizeConsentText(actor, 'consent_text.read');
  const strings = PDF_STRINGS[language];
  const c = strings.consent;
  return {
    language,
    locale: strings.locale,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    title: c.title,
    intro: c.intro,
    givenBy: c.givenBy,
    scopeHeading: c.scopeHeading,
    recipientHeading: c.recipientHeading,
    purposeHeading: c.purposeHeading,
    purposeNote: c.purposeNote,
    validityHeading: c.validityHeading,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    limits: [...c.limits],
    withdrawalHeading: c.withdrawalHeading,
    withdrawal: [...c.withdrawal],
    signatureStatement: c.signatureStatement,
    categories: strings.categories,
    purposes: strings.purposes,
    methods: strings.methods,
    everyPartnerOfType: Object.fromEntries(
      PARTNER_TYPES.map((type) => [type, c.everyPartnerOfType(strings.partnerTypes[type])]),
    ) as ConsentText['everyPartnerOfType'],
  };
}
