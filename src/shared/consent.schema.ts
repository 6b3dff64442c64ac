import { z } from 'zod';
import { PartnerTypeSchema } from './partners.schema.js';
import { Day, requestId, Text, text } from './text.schema.js';

/**
 * Written consent (DESIGN.md, flow step 5): what may be shared, with whom, for what, and its evidence.
 * Referrals, the emergency path and case meetings have their own schema files beside this one.
 */

/** What may be shared. A summary contains exactly the categories a disclosure names, nothing else. */
export const DATA_CATEGORIES = [
  'contact_details',
  'concern_summary',
  'signals',
  'person_status',
  'support_history',
] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

/** Why it may be shared. A consent covers one purpose; a referral or meeting names the one it serves. */
export const CONSENT_PURPOSES = [
  'care_referral',
  'authority_referral',
  'case_meeting',
  'peer_support',
] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

/** How consent was given. Verbal consent is "pending written" until a signature or signed form is added. */
export const CONSENT_METHODS = ['uploaded_form', 'signature_drawn', 'signature_typed', 'verbal'] as const;
export const ConsentMethodSchema = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

/** Partner types of intervention I9 (referral to the authorities, DESIGN.md): disclosures to them need more. */
export const AUTHORITY_PARTNER_TYPES = [
  'municipality',
  'zorg_veiligheidshuis',
  'police',
  'veilig_thuis',
] as const;

/** A disclosure to the authorities: for that purpose, or to a partner of one of those types. */
export const isAuthorityDisclosure = (purpose: ConsentPurpose, partnerType: string | null): boolean =>
  purpose === 'authority_referral' ||
  (AUTHORITY_PARTNER_TYPES as readonly string[]).includes(partnerType ?? '');

export const CONSENT_STATUSES = ['pending_written', 'active', 'expired', 'withdrawn'] as const;
export const ConsentStatusSchema = z.enum(CONSENT_STATUSES);
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

/** Languages consent forms and summaries are printed in (the caller's language where we have it). */
export const FORM_LANGUAGES = ['nl', 'en', 'ar', 'tr'] as const;
export const FormLanguageSchema = z.enum(FORM_LANGUAGES);
export type FormLanguage = z.infer<typeof FormLanguageSchema>;

/** A drawn signature: a PNG image as base64 (checked by content on the server). */
const DrawnSignature = Text.max(400_000).describe('PNG image, base64 (no data: prefix)');

/**
 * Evidence of a typed-name signature, taken on the counsellor's device with the caller present: who was
 * there, and the exact text the caller was shown (the server keeps it with its SHA-256, the device and the
 * time). A disclosure to the authorities on such a consent needs a coordinator's confirmation as well.
 */
export const TypedEvidenceSchema = z.object({
  present: text(300).min(1).describe('Who was present when the caller typed their name (names or roles)'),
  shownText: text(8000).min(1).describe('The exact consent text shown on the device when they typed it'),
});

export const ConsentScopeSchema = z.object({
  categories: z.array(DataCategorySchema).min(1).max(DATA_CATEGORIES.length),
  partnerId: z.uuid().nullable().default(null).describe('A specific partner organisation, or null'),
  partnerType: PartnerTypeSchema.nullable().default(null).describe('Or every partner of this type'),
  purpose: ConsentPurposeSchema,
  purposeNote: text(500).default(''),
});

export const ConsentCreateSchema = ConsentScopeSchema.extend({
  requestId,
  givenBy: text(160).min(1).describe('Who consented: the caller (alias or name)'),
  method: ConsentMethodSchema,
  givenOn: Day,
  validUntil: Day.optional().describe("Default: givenOn plus the organisation's consent period (12 months)"),
  language: FormLanguageSchema.default('nl'),
  typedName: text(160).optional().describe('Required for signature_typed'),
  typedEvidence: TypedEvidenceSchema.optional().describe('Required for signature_typed'),
  drawnSignature: DrawnSignature.optional().describe('Required for signature_drawn'),
});
export type ConsentCreate = z.infer<typeof ConsentCreateSchema>;

/** Makes a verbal (or not yet uploaded) consent written by an in-app signature. */
export const ConsentSignSchema = z.object({
  method: z.enum(['signature_drawn', 'signature_typed']),
  typedName: text(160).optional(),
  typedEvidence: TypedEvidenceSchema.optional().describe('Required for signature_typed'),
  drawnSignature: DrawnSignature.optional(),
});

/** A signed form: PDF, JPEG or PNG, at most 5 MB, as base64. The name is kept; the type is read from content. */
export const ConsentDocumentUploadSchema = z.object({
  fileName: text(200).min(1),
  data: Text.min(4).max(7_000_000).describe('base64 of the file'),
});
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const ConsentWithdrawSchema = z.object({
  withdrawnOn: Day.optional().describe('Default: today. Withdrawal is immediate.'),
  note: text(1000).default(''),
});

export const ConsentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  givenBy: Text,
  categories: z.array(DataCategorySchema),
  partner: z.object({ id: z.uuid(), name: Text, type: PartnerTypeSchema }).nullable(),
  partnerType: PartnerTypeSchema.nullable(),
  purpose: ConsentPurposeSchema,
  purposeNote: Text,
  method: ConsentMethodSchema,
  language: FormLanguageSchema,
  givenOn: Text,
  validUntil: Text,
  status: ConsentStatusSchema,
  writtenOn: Text.nullable().describe('When it became written (signature or signed form)'),
  writtenDueOn: Text.nullable().describe('For verbal consent: the written form is due by then'),
  typedName: Text.nullable(),
  typedEvidence: z
    .object({
      present: Text,
      device: Text,
      shownText: Text,
      shownTextSha256: Text.describe('Hex SHA-256 of shownText as stored'),
      signedAt: z.iso.datetime(),
      signedBy: Text.nullable(),
      confirmedBy: Text.nullable(),
      confirmedAt: z.iso.datetime().nullable(),
    })
    .nullable()
    .describe('For signature_typed: the evidence; null for other methods (or one typed before it was kept)'),
  needsConfirmation: z
    .boolean()
    .describe('A typed signature, for the authorities, not yet confirmed: referrals wait for a coordinator'),
  canConfirm: z
    .boolean()
    .describe('This user may confirm the typed signature (a coordinator who did not take it)'),
  hasDrawnSignature: z.boolean(),
  document: z
    .object({ fileName: Text, mediaType: Text, size: z.number().int(), uploadedAt: Text })
    .nullable(),
  withdrawnOn: Text.nullable(),
  withdrawalNote: Text,
  recordedBy: Text.nullable(),
  createdAt: z.iso.datetime(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentListSchema = z.object({ items: z.array(ConsentSchema), canManage: z.boolean() });

export const WithdrawResultSchema = z.object({
  consent: ConsentSchema,
  cancelledReferrals: z.array(z.uuid()),
  informTaskId: z.uuid().nullable().describe('Task to inform partners already reached, if any'),
});

export const ConsentParamsSchema = z.object({ id: z.uuid(), consentId: z.uuid() });
