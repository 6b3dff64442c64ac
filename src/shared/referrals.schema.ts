import { z } from 'zod';
import {
  ConsentPurposeSchema,
  DATA_CATEGORIES,
  DataCategorySchema,
  FormLanguageSchema,
} from './consent.schema.js';
import { ChannelSchema } from './cases.schema.js';
import { PartnerTypeSchema } from './partners.schema.js';
import { Day, Text, requestId, text } from './text.schema.js';

/**
 * Referrals to partners, the consented summaries they carry, and the disclosure log (DESIGN.md, flow steps 5–6).
 * The server decides whether a disclosure is covered by a written consent; the web only shows what it says.
 */

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

/** The statuses a referral can move to (each has a button label in the web): all but the first. */
export const REFERRAL_MOVES = [
  'sent',
  'accepted',
  'declined',
  'completed',
  'cancelled',
] as const satisfies readonly ReferralStatus[];
export type ReferralMove = (typeof REFERRAL_MOVES)[number];

/** Allowed moves; the server enforces them ("sent" also needs a covering consent). */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralMove[]>> = {
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
  allowedMoves: z.array(z.enum(REFERRAL_MOVES)),
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
      safeChannel: ChannelSchema.nullable(),
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

export const ReferralParamsSchema = z.object({ id: z.uuid(), referralId: z.uuid() });
