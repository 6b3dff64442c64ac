import { z } from 'zod';
import { patchOf, Text } from './text.schema.js';
import { CaseSummarySchema, SupportLevelSchema, TaskKindSchema } from './cases.schema.js';

export const TaskItemSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: Text,
  kind: TaskKindSchema,
  title: Text,
  dueOn: Text,
  overdue: z.boolean(),
});

export const AlertSchema = z.object({
  id: z.uuid(),
  kind: z.enum([
    'urgent_case',
    'task_due',
    'offer',
    'offer_accepted',
    'offer_declined',
    'offer_expired',
    'emergency_request',
    'emergency_decided',
    'referral_cancelled',
    'consent_confirmation',
  ]),
  caseId: z.uuid().nullable(),
  caseReference: Text.nullable(),
  createdAt: z.iso.datetime(),
});

/** "My work": what a counsellor or coordinator should look at now. No case content beyond references. */
export const MyWorkSchema = z.object({
  scope: z.enum(['own', 'organisation']).describe('A counsellor’s own cases, or the organisation’s queue'),
  myCases: z.array(CaseSummarySchema),
  tasks: z.array(TaskItemSchema),
  newContacts: z.number().int(),
  unassigned: z.array(CaseSummarySchema),
  urgent: z.array(CaseSummarySchema),
  overdueAftercare: z.array(TaskItemSchema),
  alerts: z.array(AlertSchema),
});
export type MyWork = z.infer<typeof MyWorkSchema>;

/** Aftercare: check-ins after closure, in days from the closing date, per support level. */
export const AftercareScheduleSchema = z.object({
  light: z.array(z.number().int().min(1).max(730)).max(24),
  moderate: z.array(z.number().int().min(1).max(730)).max(24),
  intensive: z.array(z.number().int().min(1).max(730)).max(24),
});
export type AftercareSchedule = z.infer<typeof AftercareScheduleSchema>;

/** Defaults: light one check after 3 months; moderate monthly for 3 months; intensive fortnightly for 2 months, then monthly up to 6. */
export const DEFAULT_AFTERCARE: AftercareSchedule = {
  light: [91],
  moderate: [30, 61, 91],
  intensive: [14, 28, 42, 56, 91, 122, 152, 183],
};

/** How long a consent runs by default, and within how many days verbal consent must be made written. */
export const ConsentSettingsSchema = z.object({
  validMonths: z.number().int().min(1).max(60),
  writtenDays: z.number().int().min(1).max(90),
});
/** An IANA time zone name; the server also checks that it exists. */
export const TimeZoneSchema = Text.trim()
  .min(1)
  .max(64)
  .regex(/^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/, 'An IANA time zone, e.g. Europe/Amsterdam')
  .describe('IANA time zone that decides which day "today" is (due dates, validity periods)');
export const OrgSettingsSchema = z.object({
  aftercareSchedule: AftercareScheduleSchema,
  consent: ConsentSettingsSchema,
  timeZone: TimeZoneSchema,
});
/** Either part may be sent alone. */
export const OrgSettingsUpdateSchema = patchOf(OrgSettingsSchema);
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const CounsellorOptionSchema = z.object({
  id: z.uuid(),
  name: Text,
  activeCases: z.number().int(),
});
export const CounsellorOptionsSchema = z.object({ items: z.array(CounsellorOptionSchema) });

export { SupportLevelSchema };
