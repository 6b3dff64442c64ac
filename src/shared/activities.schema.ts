import { z } from 'zod';
import { ConversationLanguageSchema } from './cases.schema.js';
import { Day, patchOf, Text, text, Time } from './text.schema.js';

/** Who an activity was for. About groups, never about a person; no ethnicity or religion. */
export const ACTIVITY_AUDIENCES = [
  'parents',
  'mothers',
  'fathers',
  'young_people',
  'families',
  'professionals',
  'local_authority',
  'community',
  'mixed',
] as const;
export const ActivityAudienceSchema = z.enum(ACTIVITY_AUDIENCES);
export type ActivityAudience = z.infer<typeof ActivityAudienceSchema>;

/** The activity type code whose meetings may be published on the public site. */
export const INFO_MEETING_CODE = 'info_meeting';

const ActivityFields = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  typeId: z.uuid().describe('An active term of the activity_type list'),
  title: text(160).min(2),
  date: Day,
  startTime: Time,
  endTime: Time,
  place: text(200).default('').describe('Venue, e.g. a community centre; published for public meetings'),
  municipalityId: z.uuid().describe('From the places list'),
  hostPartnerId: z.uuid().nullable().default(null).describe('Host organisation, from the partner directory'),
  partnerIds: z.array(z.uuid()).max(20).default([]).describe('Partner organisations taking part'),
  languages: z.array(ConversationLanguageSchema).min(1).max(10),
  facilitatorIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .describe('Counsellors or staff; counsellors need the training the type requires, valid on the date'),
  audience: ActivityAudienceSchema,
  isPublic: z
    .boolean()
    .default(false)
    .describe('Information meetings only: title, date, place and languages may appear on the public site'),
});

export const ActivityCreateSchema = ActivityFields.refine((v) => v.endTime > v.startTime, {
  path: ['endTime'],
  message: 'Ends after it starts',
});
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

/** Only the fields sent change. */
export const ActivityUpdateSchema = patchOf(ActivityFields.omit({ requestId: true })).extend({
  cancelled: z.boolean().optional(),
});
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

/** What happened, recorded afterwards: a count of attendees (never names), materials and the evaluation. */
export const ActivityReportSchema = z.object({
  attendees: z.number().int().min(0).max(100_000).nullable().optional().describe('A count, never names'),
  materials: text(2000).optional(),
  evaluation: text(8000).optional().describe('Encrypted at rest'),
});
export type ActivityReport = z.infer<typeof ActivityReportSchema>;

export const ActivityTaskCreateSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  title: text(300).min(1),
  dueOn: Day.nullable().default(null),
  assigneeId: z.uuid().nullable().default(null),
});
export type ActivityTaskCreate = z.infer<typeof ActivityTaskCreateSchema>;
export const ActivityTaskUpdateSchema = z.object({ done: z.boolean() });

export const ActivityQuerySchema = z.object({
  from: Day.optional().describe('First day, inclusive (default: 30 days ago)'),
  to: Day.optional().describe('Last day, inclusive (default: 90 days ahead)'),
  typeId: z.uuid().optional(),
  municipalityId: z.uuid().optional(),
  facilitatorId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).default('false').describe('Only activities I facilitate'),
});
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

/** The longest period one list covers. */
export const MAX_ACTIVITY_RANGE_DAYS = 400;

const Person = z.object({ userId: z.uuid(), name: Text });
const Named = z.object({ id: z.uuid(), name: Text });

export const ActivitySummarySchema = z.object({
  id: z.uuid(),
  typeId: z.uuid(),
  title: Text,
  date: Day,
  startTime: Time,
  endTime: Time,
  place: Text,
  municipalityId: z.uuid(),
  municipality: Text,
  languages: z.array(ConversationLanguageSchema),
  facilitators: z.array(Person),
  audience: ActivityAudienceSchema,
  isPublic: z.boolean(),
  cancelled: z.boolean(),
  attendees: z.number().int().nullable(),
});
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const ActivityListSchema = z.object({
  items: z.array(ActivitySummarySchema),
  from: Day,
  to: Day,
  canPlan: z.boolean(),
});

/** A count published under the organisation's disclosure rules: the value, or "below the threshold". */
export const PublishedCountSchema = z.object({
  value: z.number().int().nullable().describe('null when suppressed'),
  suppressed: z.boolean(),
  threshold: z.number().int(),
});
export type PublishedCount = z.infer<typeof PublishedCountSchema>;

export const ActivityTaskSchema = z.object({
  id: z.uuid(),
  title: Text,
  dueOn: Day.nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: Text.nullable(),
  done: z.boolean(),
});
export type ActivityTask = z.infer<typeof ActivityTaskSchema>;

export const ActivitySchema = ActivitySummarySchema.extend({
  hostPartner: Named.nullable(),
  partners: z.array(Named),
  materials: Text,
  evaluation: Text,
  tasks: z.array(ActivityTaskSchema),
  requestsFollowed: PublishedCountSchema.describe('Contacts that named this activity as their source'),
  held: z
    .boolean()
    .describe("The day has come (in the organisation's time zone): attendance can be recorded"),
  canEdit: z.boolean(),
  canReport: z.boolean(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const FACILITATOR_REFUSALS = ['training_missing', 'training_expired', 'not_facilitator'] as const;
export type FacilitatorRefusal = (typeof FACILITATOR_REFUSALS)[number];

/** Both are needed; they are optional here so that authorisation is decided before the input is judged. */
export const FacilitatorOptionsQuerySchema = z.object({ typeId: z.uuid().optional(), date: Day.optional() });
export const FacilitatorOptionSchema = z.object({
  userId: z.uuid(),
  name: Text,
  role: z.enum(['counsellor', 'coordinator', 'admin']),
  eligible: z.boolean(),
  reason: z.enum(FACILITATOR_REFUSALS).nullable(),
  course: Text.nullable().describe('The required course, when one is missing or expired'),
  expiredOn: Day.nullable(),
});
export type FacilitatorOption = z.infer<typeof FacilitatorOptionSchema>;
export const FacilitatorOptionsSchema = z.object({ items: z.array(FacilitatorOptionSchema) });

export const ActivityTypeSchema = z.object({
  termId: z.uuid(),
  code: Text,
  labels: z.object({ nl: Text, en: Text, ar: Text, tr: Text }),
  active: z.boolean(),
  requiredCourseId: z.uuid().nullable(),
  requiredCourseName: Text.nullable(),
});
export const ActivityTypesSchema = z.object({
  items: z.array(ActivityTypeSchema),
  courses: z.array(Named),
  canManage: z.boolean(),
});
export const RequiredCourseSchema = z.object({ courseId: z.uuid().nullable() });

export const FacilitatorHoursQuerySchema = z.object({ from: Day.optional(), to: Day.optional() });
export const FacilitatorHoursSchema = z.object({
  userId: z.uuid(),
  activities: z.number().int(),
  minutes: z.number().int(),
  from: Day,
  to: Day,
});
export type FacilitatorHours = z.infer<typeof FacilitatorHoursSchema>;

/** What the public site may publish of an upcoming public information meeting; nothing else. */
export interface PublicMeeting {
  title: string;
  date: string;
  startTime: string;
  municipality: string;
  languages: string[];
}

/** One calendar year of a volunteer's record: counts and minutes, never what a case or meeting was about. */
export const VolunteerYearSchema = z.object({
  year: z.number().int(),
  activities: z.number().int().describe('Activities facilitated (cancelled ones left out)'),
  facilitatedMinutes: z.number().int().describe('Their length, from start to end time'),
  supportMinutes: z.number().int().describe('Minutes of contact logged on cases as their author'),
  trainingSessions: z.number().int().describe('Training sessions attended'),
  coursesCompleted: z.number().int(),
});
export type VolunteerYear = z.infer<typeof VolunteerYearSchema>;

/** A counsellor's volunteer record: the current year and the earlier years with anything in them. */
export const VolunteerRecordSchema = z.object({
  userId: z.uuid(),
  name: Text,
  years: z.array(VolunteerYearSchema).describe('Newest first; at most five years'),
});
export type VolunteerRecord = z.infer<typeof VolunteerRecordSchema>;

/** How many calendar years the volunteer record goes back, the current one included. */
export const VOLUNTEER_RECORD_YEARS = 5;
