import { z } from 'zod';
import { CONSENT_METHODS, CONSENT_PURPOSES, DATA_CATEGORIES, FormLanguageSchema } from './consent.schema.js';
import { PARTNER_TYPES } from './partners.schema.js';

/**
 * The consent text read to the caller, in the form's language: the very strings the consent PDF prints
 * (one source, served by the server), so what the caller hears on screen is what they sign on paper.
 */
export const ConsentTextSchema = z.object({
  language: FormLanguageSchema,
  /** Intl locale for dates in this language. */
  locale: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  title: z.string(),
  intro: z.string(),
  givenBy: z.string(),
  scopeHeading: z.string(),
  recipientHeading: z.string(),
  purposeHeading: z.string(),
  purposeNote: z.string(),
  validityHeading: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  limits: z.array(z.string()),
  withdrawalHeading: z.string(),
  withdrawal: z.array(z.string()),
  signatureStatement: z.string(),
  categories: z.record(z.enum(DATA_CATEGORIES), z.object({ label: z.string(), explanation: z.string() })),
  purposes: z.record(z.enum(CONSENT_PURPOSES), z.string()),
  methods: z.record(z.enum(CONSENT_METHODS), z.string()),
  /** "Every partner organisation of the type: …", per partner type. */
  everyPartnerOfType: z.record(z.enum(PARTNER_TYPES), z.string()),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

export const ConsentTextParamsSchema = z.object({ language: FormLanguageSchema });
