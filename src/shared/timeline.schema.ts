import { z } from 'zod';
import { CaseStateSchema, ChannelSchema, SubjectStatusSchema } from './cases.schema.js';
import { ConsentPurposeSchema } from './consent.schema.js';
import { DisclosureChannelSchema, ReferralStatusSchema } from './referrals.schema.js';
import { PartnerTypeSchema } from './partners.schema.js';
import { Text } from './text.schema.js';

export const TIMELINE_PAGE = 30;
export const TIMELINE_MAX = 100;

/**
 * When an entry happened: an instant (`at`) for what the system stamped, or only a calendar day (`on`) for
 * what a counsellor dated (an intervention, a status of the person of concern, a consent). Never both null.
 */
const When = {
  id: Text.describe('Unique within the timeline (a record id, with a suffix for a second event of it)'),
  at: z.iso.datetime().nullable(),
  on: Text.describe('YYYY-MM-DD in the organisation’s time zone'),
};

/**
 * One dated event of a case, typed, without free text: what happened and when, so that a counsellor on the
 * phone sees the story at a glance. The notes stay in their own tabs.
 */
export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), ...When }),
  z.object({
    kind: z.literal('contact'),
    ...When,
    channel: ChannelSchema,
    durationMinutes: z.number().int().nullable(),
    intake: z.boolean().describe('The intake call that opened or was linked to the case'),
  }),
  z.object({ kind: z.literal('state'), ...When, from: CaseStateSchema, to: CaseStateSchema }),
  z.object({
    kind: z.literal('assigned'),
    ...When,
    counsellorName: Text.nullable(),
    to: CaseStateSchema.nullable().describe('Active when the assignment made the case active'),
  }),
  z.object({
    kind: z.literal('subject_status'),
    ...When,
    subjectId: z.uuid(),
    status: SubjectStatusSchema,
  }),
  z.object({ kind: z.literal('intervention'), ...When, interventionId: z.uuid() }),
  z.object({
    kind: z.enum(['consent', 'consent_withdrawn']),
    ...When,
    purpose: ConsentPurposeSchema,
    partnerName: Text.nullable(),
    partnerType: PartnerTypeSchema.nullable(),
  }),
  z.object({
    kind: z.literal('referral'),
    ...When,
    purpose: ConsentPurposeSchema,
    partnerName: Text,
    status: ReferralStatusSchema,
  }),
  z.object({
    kind: z.literal('referral_sent'),
    ...When,
    purpose: ConsentPurposeSchema,
    partnerName: Text,
    channel: DisclosureChannelSchema.nullable(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TimelineKind = TimelineEntry['kind'];

export const TimelineQuerySchema = z.object({
  before: Text.max(200).optional().describe('Keyset cursor from the previous page (older entries)'),
  limit: z.coerce.number().int().min(1).max(TIMELINE_MAX).default(TIMELINE_PAGE),
});
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

export const TimelineSchema = z.object({
  items: z.array(TimelineEntrySchema).describe('Newest first'),
  next: Text.nullable().describe('Cursor for older entries, or null when there are none'),
});
export type Timeline = z.infer<typeof TimelineSchema>;
