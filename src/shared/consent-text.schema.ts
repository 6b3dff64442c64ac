import { z } from 'zod';
import { Text } from './text.schema.js';
import { CONSENT_METHODS, CONSENT_PURPOSES, DATA_CATEGORIES, FormLanguageSchema } from './consent.schema.js';
import { PARTNER_TYPES } from './partners.schema.js';

/**
 * The consent text read to the caller, in the form's language: the very strings the consent PDF prints
 * (one source, served by the server), so what the caller hears on screen is what they sign on paper.
 */
export const ConsentTextSchema = z.object({
  language: FormLanguageSchema,
  /** Intl locale for dates in this language. */
  locale: Text,
  dir: z.enum(['ltr', 'rtl']),
  title: Text,
  intro: Text,
  givenBy: Text,
  scopeHeading: Text,
  recipientHeading: Text,
  purposeHeading: Text,
  purposeNote: Text,
  validityHeading: Text,
  validFrom: Text,
  validUntil: Text,
  limits: z.array(Text),
  withdrawalHeading: Text,
  withdrawal: z.array(Text),
  signatureStatement: Text,
  categories: z.record(z.enum(DATA_CATEGORIES), z.object({ label: Text, explanation: Text })),
  purposes: z.record(z.enum(CONSENT_PURPOSES), Text),
  methods: z.record(z.enum(CONSENT_METHODS), Text),
  /** "Every partner organisation of the type: …", per partner type. */
  everyPartnerOfType: z.record(z.enum(PARTNER_TYPES), Text),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

export const ConsentTextParamsSchema = z.object({ language: FormLanguageSchema });
