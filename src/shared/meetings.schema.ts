import { z } from 'zod';
import { DATA_CATEGORIES, DataCategorySchema } from './consent.schema.js';
import { PartnerTypeSchema } from './partners.schema.js';
import { CoverageSchema } from './referrals.schema.js';
import { Day, Text, requestId, text } from './text.schema.js';

/** Multi-agency case meetings (casusoverleg): who was invited, on which consent, and what was shared. */

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

export const MeetingParamsSchema = z.object({ id: z.uuid(), meetingId: z.uuid() });
