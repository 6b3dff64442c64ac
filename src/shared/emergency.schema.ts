import { z } from 'zod';
import { DATA_CATEGORIES, DataCategorySchema } from './consent.schema.js';
import { PartnerTypeSchema } from './partners.schema.js';
import { DisclosureChannelSchema } from './referrals.schema.js';
import { Text, requestId, text } from './text.schema.js';

/**
 * The emergency path: a disclosure without consent in an acute situation, only with a second person's
 * approval, for a limited time, and always logged.
 */

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

export const EmergencyParamsSchema = z.object({ emergencyId: z.uuid() });
