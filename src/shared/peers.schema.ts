import { z } from 'zod';
import { ConversationLanguageSchema } from './cases.schema.js';
import { Day, patchOf, requestId, Text, text } from './text.schema.js';

/**
 * Platform Achterblijvers (issue 12): the private peer network of parents whose child radicalised, left
 * or died. Kept apart from case data: only the peer-network organiser sees members and meetings; a case
 * sees whether its caller was linked to a peer parent, never to whom.
 */

/** How a member's consent was given. */
export const PEER_CONSENT_METHODS = ['written', 'verbal_recorded', 'digital'] as const;
export const PeerConsentMethodSchema = z.enum(PEER_CONSENT_METHODS);
export type PeerConsentMethod = z.infer<typeof PeerConsentMethodSchema>;

/** Membership itself, and (separately) agreeing to be linked to a caller of the helpline. */
export const PEER_CONSENT_KINDS = ['membership', 'linking'] as const;
export const PeerConsentKindSchema = z.enum(PEER_CONSENT_KINDS);
export type PeerConsentKind = z.infer<typeof PeerConsentKindSchema>;

/** Days a withdrawn member's notes are kept before they are erased, until the admin sets another period. */
export const PEER_NOTES_RETENTION_DAYS = 90;

export const PeerConsentInputSchema = z.object({
  method: PeerConsentMethodSchema,
  givenOn: Day,
});

export const PeerConsentSchema = z.object({
  id: z.uuid(),
  kind: PeerConsentKindSchema,
  method: PeerConsentMethodSchema,
  givenOn: Text,
  recordedBy: Text.describe('Name of the staff member who recorded it'),
  recordedAt: Text,
  withdrawnOn: Text.nullable(),
});
export type PeerConsent = z.infer<typeof PeerConsentSchema>;

export const PeerMemberCreateSchema = z.object({
  requestId,
  alias: text(160).min(1).describe('Name or alias the member is known by in the network'),
  phone: text(40).default(''),
  email: z.union([z.literal(''), z.email().max(254)]).default(''),
  language: ConversationLanguageSchema,
  notes: text(4000).default(''),
  consent: PeerConsentInputSchema.describe('The membership consent: how and when it was given'),
});
export type PeerMemberCreate = z.infer<typeof PeerMemberCreateSchema>;

export const PeerMemberUpdateSchema = patchOf(
  PeerMemberCreateSchema.omit({ requestId: true, consent: true }),
);
export type PeerMemberUpdate = z.infer<typeof PeerMemberUpdateSchema>;

export const PeerMemberSummarySchema = z.object({
  id: z.uuid(),
  alias: Text,
  language: ConversationLanguageSchema,
  status: z.enum(['active', 'withdrawn']),
  joinedOn: Text,
  withdrawnOn: Text.nullable(),
  hasEmail: z.boolean(),
  canBeLinked: z.boolean().describe('Active member with an active consent to be linked'),
});
export type PeerMemberSummary = z.infer<typeof PeerMemberSummarySchema>;

export const PeerMemberSchema = PeerMemberSummarySchema.extend({
  phone: Text,
  email: Text,
  notes: Text,
  notesEraseOn: Text.nullable().describe('For a withdrawn member: the day their notes are erased'),
  notesErased: z.boolean(),
  consents: z.array(PeerConsentSchema),
});
export type PeerMember = z.infer<typeof PeerMemberSchema>;

export const PeerMemberListSchema = z.object({ items: z.array(PeerMemberSummarySchema) });

export const PeerWithdrawSchema = z.object({
  withdrawnOn: Day.optional().describe('Default: today'),
});

export const PeerMeetingCreateSchema = z.object({
  requestId,
  heldAt: z.iso.datetime({ offset: true }),
  place: text(300).min(1).describe('Never published; sealed at rest'),
  facilitator: text(160).min(1),
  callNumber: text(40).min(3).describe('The number invitees call for the details ("please call X")'),
  note: text(4000).default(''),
});
export type PeerMeetingCreate = z.infer<typeof PeerMeetingCreateSchema>;

export const PeerMeetingUpdateSchema = patchOf(PeerMeetingCreateSchema.omit({ requestId: true })).extend({
  attendance: z
    .array(z.object({ memberId: z.uuid(), attended: z.boolean() }))
    .max(500)
    .optional()
    .describe('Who came, for invited members'),
});
export type PeerMeetingUpdate = z.infer<typeof PeerMeetingUpdateSchema>;

export const PeerInviteSchema = z.object({
  memberIds: z.array(z.uuid()).min(1).max(500),
  sendEmail: z.boolean().default(true).describe('E-mail those with an address, with no content'),
});
export type PeerInvite = z.infer<typeof PeerInviteSchema>;

export const PeerInviteeSchema = z.object({
  memberId: z.uuid(),
  alias: Text,
  phone: Text,
  hasEmail: z.boolean(),
  emailed: z.boolean(),
  attended: z.boolean().nullable(),
});

export const PeerMeetingSummarySchema = z.object({
  id: z.uuid(),
  heldAt: Text,
  facilitator: Text,
  invited: z.number().int(),
  attended: z.number().int(),
});
export type PeerMeetingSummary = z.infer<typeof PeerMeetingSummarySchema>;

export const PeerMeetingSchema = PeerMeetingSummarySchema.extend({
  place: Text,
  callNumber: Text,
  note: Text,
  invitees: z.array(PeerInviteeSchema),
});
export type PeerMeeting = z.infer<typeof PeerMeetingSchema>;

export const PeerMeetingListSchema = z.object({ items: z.array(PeerMeetingSummarySchema) });

/** A request to link a caller to a peer parent, as its organiser sees it (no case, only the hand-over). */
export const PEER_LINK_STATUSES = ['requested', 'linked', 'declined', 'cancelled'] as const;
export const PeerLinkStatusSchema = z.enum(PEER_LINK_STATUSES);
export type PeerLinkStatus = z.infer<typeof PeerLinkStatusSchema>;

export const PeerLinkRequestSchema = z.object({
  id: z.uuid(),
  status: PeerLinkStatusSchema,
  handover: Text.describe('What the caller agreed to pass on: how to reach them'),
  language: ConversationLanguageSchema,
  requestedAt: Text,
  consentValidUntil: Text,
  member: z.object({ id: z.uuid(), alias: Text }).nullable(),
});
export type PeerLinkRequest = z.infer<typeof PeerLinkRequestSchema>;

export const PeerLinkRequestListSchema = z.object({ items: z.array(PeerLinkRequestSchema) });

export const PeerLinkConfirmSchema = z.object({ memberId: z.uuid() });

/** The case side: asked by the case's counsellor or coordinator, with the caller's consent. */
export const CasePeerLinkCreateSchema = z.object({
  requestId,
  handover: text(1000)
    .min(1)
    .describe('How the organiser may reach the caller (name or alias, phone, good times)'),
  language: ConversationLanguageSchema,
});
export type CasePeerLinkCreate = z.infer<typeof CasePeerLinkCreateSchema>;

/** What a case shows: whether its caller is linked to a peer parent, never to whom. */
export const CasePeerLinkSchema = z.object({
  status: z.enum(['none', ...PEER_LINK_STATUSES]),
  requestedAt: Text.nullable(),
  decidedAt: Text.nullable(),
  consentCovered: z
    .boolean()
    .describe('Whether an active written consent of the caller covers contact with the peer network'),
  canRequest: z.boolean(),
});
export type CasePeerLink = z.infer<typeof CasePeerLinkSchema>;
