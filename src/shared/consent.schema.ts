import { z } from 'zod';
import { Text } from './text.schema.js';
import { PartnerTypeSchema } from './partners.schema.js';

/**
 * Written consent, referrals, disclosures, the emergency path and case meetings (DESIGN.md, flow steps 5–6).
 * The server decides whether a disclosure is covered; the web only shows what the server says.
 */

const text = (max: number) => Text.trim().max(max);
const Day = z.iso.date();
const requestId = z
  .uuid()
  .optional()
  .describe('Client-generated id: a retried save returns the first result instead of a second record');

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

// ---- referrals -------------------------------------------------------------------------------------------

export const REFERRAL_STATUSES = [
  'proposed',
  'sent',
  'accepted',
  'declined',
  'completed',
  'cancelled',
] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** Allowed moves; the server enforces them ("sent" also needs a covering consent). */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  proposed: ['sent', 'cancelled'],
  sent: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

export const DISCLOSURE_CHANNELS = [
  'secure_email',
  'phone',
  'in_person',
  'post',
  'partner_portal',
  'meeting',
] as const;
export const DisclosureChannelSchema = z.enum(DISCLOSURE_CHANNELS);
export type DisclosureChannel = z.infer<typeof DisclosureChannelSchema>;

/** Why a disclosure is or is not covered, in terms a person can act on. */
export const COVERAGE_GAPS = [
  'no_consent',
  'pending_written',
  'expired',
  'withdrawn',
  'other_partner',
  'other_purpose',
  'categories',
] as const;
export const CoverageSchema = z.object({
  covered: z.boolean(),
  consentId: z.uuid().nullable().describe('The consent that covers it'),
  gaps: z.array(z.enum(COVERAGE_GAPS)).describe('When not covered: what the closest consents lack'),
  missingCategories: z.array(DataCategorySchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const ReferralCreateSchema = z.object({
  requestId,
  partnerId: z.uuid(),
  purpose: ConsentPurposeSchema,
  categories: z.array(DataCategorySchema).min(1).max(DATA_CATEGORIES.length),
  note: text(2000).default(''),
});
export const ReferralSendSchema = z.object({ channel: DisclosureChannelSchema });
export const ReferralRespondSchema = z.object({
  outcome: z.enum(['accepted', 'declined', 'completed']),
  note: text(1000).default(''),
});
export const ReferralCancelSchema = z.object({ reason: text(1000).min(3) });

export const ReferralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  partner: z.object({ id: z.uuid(), name: Text, type: PartnerTypeSchema }),
  purpose: ConsentPurposeSchema,
  categories: z.array(DataCategorySchema),
  note: Text,
  status: ReferralStatusSchema,
  allowedMoves: z.array(ReferralStatusSchema),
  channel: DisclosureChannelSchema.nullable(),
  consentId: z.uuid().nullable().describe('The consent it was sent under'),
  coverage: CoverageSchema.describe('Whether an active consent covers it now'),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  cancelReason: Text.nullable(),
  cancelCause: z.enum(['manual', 'consent_withdrawn']).nullable(),
  awaitingConfirmation: z
    .boolean()
    .describe(
      'Covered only by a typed signature no coordinator has confirmed yet: it cannot be sent to the authorities',
    ),
  responseNote: Text.describe("The partner's answer, as noted with the latest response"),
});
export type Referral = z.infer<typeof ReferralSchema>;
export const ReferralListSchema = z.object({ items: z.array(ReferralSchema), canManage: z.boolean() });

// ---- summaries --------------------------------------------------------------------------------------------

/** A consented summary: only the sections of the named categories are present. */
export const SummarySchema = z.object({
  organisation: Text,
  caseReference: Text,
  recipient: Text.describe('Partner name, or the meeting participants'),
  purpose: ConsentPurposeSchema,
  basis: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('consent'),
      consentId: z.uuid(),
      givenOn: Text,
      validUntil: Text,
    }),
    z.object({
      kind: z.literal('emergency'),
      requestId: z.uuid(),
      ground: Text,
      approvedOn: Text,
    }),
  ]),
  categories: z.array(DataCategorySchema),
  producedOn: Text,
  contactDetails: z
    .object({
      callerAlias: Text,
      phone: Text.nullable(),
      language: Text,
      municipality: Text,
      mayCallBack: z.boolean().nullable(),
      mayLeaveMessage: z.boolean().nullable(),
      safeChannel: Text.nullable(),
      safeTimes: Text,
    })
    .optional(),
  concernSummary: z.object({ category: Text, summary: Text }).optional(),
  signals: z
    .array(z.object({ kind: z.enum(['signal', 'protective']), observedOn: Text, text: Text }))
    .optional(),
  personStatus: z
    .array(
      z.object({
        alias: Text,
        ageBand: Text,
        gender: Text,
        municipality: Text,
        timeline: z.array(z.object({ status: Text, occurredOn: Text })),
      }),
    )
    .optional(),
  supportHistory: z
    .object({
      openedOn: Text,
      contacts: z.array(z.object({ on: Text, channel: Text, minutes: z.number().int().nullable() })),
      interventions: z.array(z.object({ code: Text, label: Text, on: Text })),
      goals: z.array(z.object({ text: Text, status: Text })),
    })
    .optional(),
});
export type Summary = z.infer<typeof SummarySchema>;
export const SummaryQuerySchema = z.object({ lang: FormLanguageSchema.optional() });

// ---- disclosures ------------------------------------------------------------------------------------------

export const DisclosureSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: Text,
  kind: z.enum(['referral', 'case_meeting', 'emergency']),
  recipient: Text,
  partnerId: z.uuid().nullable(),
  categories: z.array(DataCategorySchema),
  channel: DisclosureChannelSchema,
  consentId: z.uuid().nullable(),
  emergencyId: z.uuid().nullable(),
  disclosedBy: Text.nullable(),
  disclosedAt: z.iso.datetime(),
  typedSignature: z
    .object({
      present: Text.nullable().describe('Null in the privacy officer’s log: that is case content'),
      device: Text,
      shownTextSha256: Text,
      signedAt: z.iso.datetime(),
      signedBy: Text.nullable(),
      confirmedBy: Text.nullable(),
      confirmedAt: z.iso.datetime().nullable(),
    })
    .nullable()
    .describe('When the consent it relied on was a typed name: the evidence of that signature'),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;
export const DisclosureListSchema = z.object({
  items: z.array(DisclosureSchema),
  next: Text.nullable(),
});
const DisclosureFilterShape = {
  from: Day.optional(),
  to: Day.optional(),
  partnerId: z.uuid().optional(),
  caseReference: Text.trim().max(40).optional().describe('A case reference such as 2026-0001'),
};

export const DisclosureQuerySchema = z.object({
  ...DisclosureFilterShape,
  cursor: Text.max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The disclosure log as CSV, with the filters on screen. */
export const DisclosureExportQuerySchema = z.object(DisclosureFilterShape);
export type DisclosureExportQuery = z.infer<typeof DisclosureExportQuerySchema>;

// ---- emergency path ---------------------------------------------------------------------------------------

/** An approval is for an acute situation: it allows the disclosure for this long, then lapses. */
export const EMERGENCY_APPROVAL_HOURS = 24;

export const EMERGENCY_GROUNDS = ['danger_to_life', 'serious_crime'] as const;
/** The legal basis named by the coordinator (Dutch/EU law); shown to the approver and in the log. */
export const LEGAL_BASES = ['vital_interest', 'conflict_of_duties', 'legal_obligation'] as const;
export const EMERGENCY_STATUSES = ['pending', 'approved', 'rejected', 'disclosed', 'cancelled'] as const;

export const EmergencyCreateSchema = z
  .object({
    requestId,
    ground: z.enum(EMERGENCY_GROUNDS),
    legalBasis: z.enum(LEGAL_BASES),
    reason: text(4000).min(20).describe('Why this cannot wait for consent'),
    partnerId: z.uuid(),
    categories: z.array(DataCategorySchema).min(1).max(DATA_CATEGORIES.length),
    channel: DisclosureChannelSchema,
    informCaller: z.boolean().describe('Create a task to tell the caller afterwards'),
    noInformReason: text(2000).default('').describe('Required when informCaller is false'),
  })
  .refine((v) => v.informCaller || v.noInformReason.length >= 10, {
    path: ['noInformReason'],
    message: 'Say why telling the caller would endanger someone (at least 10 characters)',
  });
export const EmergencyDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: text(2000).default(''),
});

export const EmergencyRequestSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: Text,
  ground: z.enum(EMERGENCY_GROUNDS),
  legalBasis: z.enum(LEGAL_BASES),
  reason: Text,
  partner: z.object({ id: z.uuid(), name: Text, type: PartnerTypeSchema }),
  categories: z.array(DataCategorySchema),
  channel: DisclosureChannelSchema,
  informCaller: z.boolean(),
  noInformReason: Text,
  status: z.enum(EMERGENCY_STATUSES),
  requestedBy: z.object({ id: z.uuid(), name: Text }),
  requestedAt: z.iso.datetime(),
  decidedBy: z.object({ id: z.uuid(), name: Text }).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: Text,
  disclosedAt: z.iso.datetime().nullable(),
  canDecide: z.boolean().describe('This user may approve or reject it (never the requester)'),
  canDisclose: z.boolean(),
  approvalLapsed: z
    .boolean()
    .describe('Approved more than 24 hours ago without a disclosure: the approval no longer allows one'),
});
export type EmergencyRequest = z.infer<typeof EmergencyRequestSchema>;
export const EmergencyListSchema = z.object({ items: z.array(EmergencyRequestSchema) });
export const EmergencyQuerySchema = z.object({ status: z.enum(EMERGENCY_STATUSES).optional() });

// ---- multi-agency case meetings (casusoverleg) ------------------------------------------------------------

export const MeetingCreateSchema = z.object({
  requestId,
  municipality: text(80).min(1),
  meetingOn: Day,
  partnerIds: z.array(z.uuid()).min(1).max(20).describe("Participants' organisations (from the directory)"),
  categories: z.array(DataCategorySchema).min(1).max(DATA_CATEGORIES.length),
  note: text(2000).default(''),
});
export const MeetingSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  municipality: Text,
  meetingOn: Text,
  participants: z.array(
    z.object({ id: z.uuid(), name: Text, type: PartnerTypeSchema, coverage: CoverageSchema }),
  ),
  categories: z.array(DataCategorySchema),
  note: Text,
  covered: z.boolean().describe('Every participant is covered by an active consent for case meetings'),
  sharedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
export const MeetingListSchema = z.object({ items: z.array(MeetingSchema), canManage: z.boolean() });

export const ConsentParamsSchema = z.object({ id: z.uuid(), consentId: z.uuid() });
export const ReferralParamsSchema = z.object({ id: z.uuid(), referralId: z.uuid() });
export const MeetingParamsSchema = z.object({ id: z.uuid(), meetingId: z.uuid() });
export const EmergencyParamsSchema = z.object({ emergencyId: z.uuid() });
