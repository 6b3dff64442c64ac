import { z } from 'zod';
import { Day, Text } from './text.schema.js';

export const CHANNELS = ['phone', 'whatsapp', 'email', 'web_callback', 'walk_in', 'meeting'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Conversation languages (separate from the UI language). */
export const CONVERSATION_LANGUAGES = [
  'nl',
  'ary',
  'rif',
  'zgh',
  'ar',
  'tr',
  'so',
  'en',
  'fr',
  'ku',
  'fa',
  'ti',
  'other',
] as const;
export const ConversationLanguageSchema = z.enum(CONVERSATION_LANGUAGES);
export type ConversationLanguage = z.infer<typeof ConversationLanguageSchema>;

/**
 * Follow-up tasks are typed by people; the others are made by the system and carry a short structured title:
 * aftercare "n/m", consent_written the caller's alias, inform_partners / inform_caller partner names.
 */
export const TASK_KINDS = [
  'follow_up',
  'aftercare',
  'consent_written',
  'inform_partners',
  'inform_caller',
] as const;
export const TaskKindSchema = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKindSchema>;

export const CASE_STATES = ['intake', 'matching', 'active', 'aftercare', 'closed'] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;

/** Allowed moves between states; the server enforces them, the UI shows them. */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  intake: ['matching', 'closed'],
  matching: ['active', 'closed'],
  active: ['matching', 'aftercare', 'closed'],
  aftercare: ['closed', 'active'],
  closed: ['active'],
};

export const SUPPORT_LEVELS = ['light', 'moderate', 'intensive'] as const;
export const SupportLevelSchema = z.enum(SUPPORT_LEVELS);
export type SupportLevel = z.infer<typeof SupportLevelSchema>;

export const SUBJECT_STATUSES = [
  'at_home',
  'concerns_reported',
  'departed',
  'abroad',
  'detained',
  'returned',
  'deceased',
  'unknown',
] as const;
export const SubjectStatusSchema = z.enum(SUBJECT_STATUSES);

export const AGE_BANDS = ['under_12', '12_15', '16_17', '18_22', '23_29', '30_plus', 'unknown'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

const shortText = (max: number) => Text.trim().max(max);

/** Safe-callback preferences: may we call back, leave a message, when, by which channel. */
export const CallbackSchema = z.object({
  mayCallBack: z.boolean(),
  mayLeaveMessage: z.boolean(),
  safeTimes: shortText(200).default(''),
  safeChannel: ChannelSchema.nullable().default(null),
});

export const INTAKE_OUTCOMES = ['info_only', 'open_case', 'link_case'] as const;

/**
 * What the caller *said* they would prefer in a counsellor. Matching uses only this — never an ethnicity or
 * religion of the caller, which Confidant does not record.
 */
export const PreferencesSchema = z.object({
  counsellorGender: z.enum(['female', 'male', 'other']).nullable().default(null),
  backgroundId: z
    .uuid()
    .nullable()
    .default(null)
    .describe('Preferred counsellor background, as the caller stated it'),
  language: ConversationLanguageSchema.nullable().default(null),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
const NO_PREFERENCES = { counsellorGender: null, backgroundId: null, language: null };

/**
 * The relative the call is about, as far as the caller tells: an alias, an age band and where they are now.
 * The caller's relation to them is the intake's `relationId`. No ethnicity or religion, ever.
 */
export const IntakeSubjectSchema = z.object({
  alias: shortText(120).default('').describe('Alias or first name of the relative, as the caller wishes'),
  ageBand: z.enum(AGE_BANDS).default('unknown'),
  status: SubjectStatusSchema.nullable().default(null).describe('Where the relative is now, as far as known'),
});
export type IntakeSubject = z.infer<typeof IntakeSubjectSchema>;
const NO_SUBJECT: IntakeSubject = { alias: '', ageBand: 'unknown', status: null };
const TermIds = z.array(z.uuid()).max(40).default([]);

export const IntakeSchema = z
  .object({
    requestId: z.uuid().describe('Client-generated id: a retried save returns the first result'),
    draftId: z.uuid().optional(),
    callbackId: z
      .uuid()
      .optional()
      .describe('The callback request this contact answers; it is marked done with the save'),
    channel: ChannelSchema,
    language: ConversationLanguageSchema,
    callerAlias: shortText(120).min(1).describe('Alias or name, as the caller wishes'),
    phone: shortText(40).optional().describe('Normalised, encrypted and HMAC-indexed; never stored in clear'),
    relationId: z.uuid().nullable().default(null),
    municipality: shortText(80).default(''),
    categoryId: z.uuid(),
    summary: shortText(4000).min(1),
    immediateDanger: z.boolean(),
    callback: CallbackSchema,
    confidentialityExplained: z.boolean(),
    durationMinutes: z.number().int().min(0).max(600).optional(),
    outcome: z.enum(INTAKE_OUTCOMES),
    linkCaseId: z.uuid().optional(),
    preferences: PreferencesSchema.default(NO_PREFERENCES),
    subject: IntakeSubjectSchema.default(NO_SUBJECT),
    signalIds: TermIds.describe("Signals ticked from the organisation's list (facts, never a score)"),
    protectiveIds: TermIds.describe("Protective factors ticked from the organisation's list"),
    sourceActivityId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The activity where the caller heard of the helpline ("heard of us at …"), if they said'),
  })
  .refine((v) => v.outcome !== 'link_case' || v.linkCaseId, {
    path: ['linkCaseId'],
    message: 'Choose the case to link',
  })
  .refine((v) => v.confidentialityExplained, {
    path: ['confidentialityExplained'],
    message: 'Explain confidentiality and its limits before saving',
  });
export type Intake = z.infer<typeof IntakeSchema>;

export const IntakeResultSchema = z.object({
  contactId: z.uuid(),
  caseId: z.uuid().nullable(),
  caseReference: Text.nullable(),
  urgent: z.boolean(),
});

export const PhoneLookupSchema = z.object({ phone: shortText(40).min(3) });
export const KnownCallerSchema = z.object({
  known: z.boolean(),
  valid: z.boolean(),
  cases: z.array(
    z.object({
      id: z.uuid(),
      reference: Text,
      state: CaseStateSchema,
      counsellorName: Text.nullable(),
    }),
  ),
});

export const DraftSchema = z.object({
  id: z.uuid(),
  data: z.record(Text, z.unknown()),
  updatedAt: z.iso.datetime(),
});
export const DraftSaveSchema = z.object({ data: z.record(Text, z.unknown()) });

export const CaseListQuerySchema = z.object({
  state: CaseStateSchema.optional(),
  categoryId: z.uuid().optional(),
  counsellorId: z.uuid().optional(),
  municipality: shortText(80).optional(),
  urgent: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(['opened_desc', 'opened_asc', 'activity_desc']).default('opened_desc'),
  after: Text.max(200).optional().describe('Keyset cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  reference: Text,
  state: CaseStateSchema,
  urgent: z.boolean(),
  categoryId: z.uuid(),
  municipality: Text,
  counsellorId: z.uuid().nullable(),
  counsellorName: Text.nullable(),
  openedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
  overdueTasks: z.number().int(),
  callerAlias: Text.optional().describe("The caller's alias: in the case list, opened for its page only"),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CasePageSchema = z.object({ items: z.array(CaseSummarySchema), next: Text.nullable() });

export const CaseIdParamsSchema = z.object({ id: z.uuid() });
export const CaseItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });

export const AccessReasonSchema = z.object({
  reason: shortText(500).min(5).describe('Why you open a case that is not yours'),
});

export const SubjectInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  alias: shortText(120).min(1),
  relationId: z.uuid().nullable().default(null),
  ageBand: z.enum(AGE_BANDS).default('unknown'),
  gender: z.enum(GENDERS).default('unknown'),
  municipality: shortText(80).default(''),
});
export const StatusEventInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  subjectId: z.uuid(),
  status: SubjectStatusSchema,
  occurredOn: Day,
  note: shortText(2000).default(''),
});
export const ObservationInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  kind: z.enum(['signal', 'protective']),
  observedOn: Day,
  text: shortText(2000).min(1),
});
export const GoalInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  text: shortText(1000).min(1),
});
export const GoalUpdateSchema = z.object({ status: z.enum(['open', 'achieved', 'dropped']) });
export const LogEntryInputSchema = z.object({
  requestId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  channel: ChannelSchema,
  durationMinutes: z.number().int().min(0).max(600),
  withWhom: shortText(120).default(''),
  note: shortText(4000).min(1),
});
export const InterventionInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  interventionId: z.uuid(),
  occurredOn: Day,
  note: shortText(2000).default(''),
});
export const TaskInputSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save returns the first result'),
  title: shortText(300).min(1),
  dueOn: Day,
  assigneeId: z.uuid().optional(),
});
export const TaskUpdateSchema = z.object({ done: z.boolean() });
export const CaseUpdateSchema = z.object({
  preferences: PreferencesSchema.optional(),
  summary: shortText(4000).min(1).optional(),
  supportLevel: SupportLevelSchema.optional(),
  urgent: z.boolean().optional(),
});
export const TransitionSchema = z.object({
  to: CaseStateSchema,
  closureId: z.uuid().optional(),
  handoverMunicipality: shortText(80).optional(),
  handoverOn: Day.optional(),
});
export const AssignSchema = z.object({ counsellorId: z.uuid() });

export const CaseDetailSchema = z.object({
  id: z.uuid(),
  reference: Text,
  state: CaseStateSchema,
  allowedTransitions: z.array(CaseStateSchema),
  urgent: z.boolean(),
  supportLevel: SupportLevelSchema.nullable(),
  preferences: PreferencesSchema,
  categoryId: z.uuid(),
  summary: Text,
  municipality: Text,
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  closureId: z.uuid().nullable(),
  handoverMunicipality: Text.nullable(),
  handoverOn: Text.nullable(),
  counsellor: z.object({ id: z.uuid(), name: Text }).nullable(),
  caller: z.object({
    alias: Text,
    language: Text,
    municipality: Text,
    hasPhone: z.boolean(),
  }),
  subjects: z.array(
    z.object({
      id: z.uuid(),
      alias: Text,
      relationId: z.uuid().nullable(),
      ageBand: Text,
      gender: Text,
      municipality: Text,
    }),
  ),
  statusEvents: z.array(
    z.object({
      id: z.uuid(),
      subjectId: z.uuid(),
      status: SubjectStatusSchema,
      occurredOn: Text,
      note: Text,
    }),
  ),
  observations: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['signal', 'protective']),
      observedOn: Text,
      text: Text,
    }),
  ),
  goals: z.array(z.object({ id: z.uuid(), text: Text, status: z.enum(['open', 'achieved', 'dropped']) })),
  log: z.array(
    z.object({
      id: z.uuid(),
      occurredAt: z.iso.datetime(),
      channel: ChannelSchema,
      durationMinutes: z
        .number()
        .int()
        .nullable()
        .describe('Null for an intake call whose length was not noted'),
      withWhom: Text,
      note: Text,
      authorName: Text.nullable(),
      intake: z.boolean().describe('The intake call that opened or was linked to the case'),
    }),
  ),
  interventions: z.array(z.object({ id: z.uuid(), interventionId: z.uuid(), occurredOn: Text, note: Text })),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      kind: TaskKindSchema,
      title: Text,
      dueOn: Text,
      done: z.boolean(),
      assigneeId: z.uuid().nullable(),
    }),
  ),
  abilities: z.object({ canEdit: z.boolean(), canAssign: z.boolean(), canTransition: z.boolean() }),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
