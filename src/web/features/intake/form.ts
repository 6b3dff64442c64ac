import type { Channel, Intake } from '../../../shared/cases.schema';
import {
  AGE_BANDS,
  CHANNELS,
  CONVERSATION_LANGUAGES,
  INTAKE_OUTCOMES,
  SUBJECT_STATUSES,
} from '../../../shared/cases.schema';

/**
 * What the intake form holds while the coordinator types; strings where the API takes numbers. A type, not an
 * interface: form values must be assignable to `Record<string, unknown>`.
 */
export type IntakeValues = {
  callerAlias: string;
  phone: string;
  channel: Channel;
  language: string;
  categoryId: string | null;
  summary: string;
  relationId: string | null;
  municipality: string;
  immediateDanger: boolean;
  mayCallBack: boolean;
  mayLeaveMessage: boolean;
  safeTimes: string;
  safeChannel: string;
  durationMinutes: string;
  outcome: string;
  linkCaseId: string;
  confidentialityExplained: boolean;
  /** The caller's stated preferences for a counsellor ('' = none). */
  prefGender: string;
  prefBackgroundId: string;
  prefLanguage: string;
  /** The relative the call is about ('' = not given). */
  subjectAlias: string;
  subjectAgeBand: string;
  subjectStatus: string;
  /** Ticked signals and protective factors: term ids of the organisation's lists. */
  signalIds: string[];
  protectiveIds: string[];
  /** The activity the caller heard of the helpline at ('' = not said). */
  sourceActivityId: string;
};

export const emptyIntake = (): IntakeValues => ({
  callerAlias: '',
  phone: '',
  channel: 'phone',
  language: 'nl',
  categoryId: null,
  summary: '',
  relationId: null,
  municipality: '',
  immediateDanger: false,
  mayCallBack: false,
  mayLeaveMessage: false,
  safeTimes: '',
  safeChannel: '',
  durationMinutes: '',
  outcome: '',
  linkCaseId: '',
  confidentialityExplained: false,
  prefGender: '',
  prefBackgroundId: '',
  prefLanguage: '',
  subjectAlias: '',
  subjectAgeBand: 'unknown',
  subjectStatus: '',
  signalIds: [],
  protectiveIds: [],
  sourceActivityId: '',
});

/** Whether anything has been typed (an untouched form is not worth a draft). */
export function isBlank(values: IntakeValues): boolean {
  const empty = emptyIntake();
  return (Object.keys(empty) as (keyof IntakeValues)[]).every((key) => {
    const value = values[key];
    return Array.isArray(value) ? value.length === 0 : value === empty[key];
  });
}

/** A draft from the server, read defensively: it was written by an older or newer form, perhaps. */
export function fromDraft(data: Record<string, unknown>): IntakeValues {
  const values = emptyIntake();
  for (const key of Object.keys(values) as (keyof IntakeValues)[]) {
    const value = data[key];
    if (value === undefined) continue;
    if (Array.isArray(values[key])) {
      if (Array.isArray(value))
        (values as unknown as Record<string, unknown>)[key] = value.filter((x) => typeof x === 'string');
      continue;
    }
    if (typeof value === typeof values[key] || (values[key] === null && typeof value === 'string')) {
      (values as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (!(CHANNELS as readonly string[]).includes(values.channel)) values.channel = 'phone';
  if (!(CONVERSATION_LANGUAGES as readonly string[]).includes(values.language)) values.language = 'nl';
  if (!(INTAKE_OUTCOMES as readonly string[]).includes(values.outcome)) values.outcome = '';
  if (!(AGE_BANDS as readonly string[]).includes(values.subjectAgeBand)) values.subjectAgeBand = 'unknown';
  if (values.subjectStatus && !(SUBJECT_STATUSES as readonly string[]).includes(values.subjectStatus))
    values.subjectStatus = '';
  return values;
}

/** The request body (to be checked with IntakeSchema); optional fields are left out when empty. */
export function toIntake(values: IntakeValues, ids: { requestId: string; draftId?: string }): unknown {
  const duration = values.durationMinutes.trim();
  return {
    requestId: ids.requestId,
    ...(ids.draftId ? { draftId: ids.draftId } : {}),
    channel: values.channel,
    language: values.language,
    callerAlias: values.callerAlias,
    ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
    relationId: values.relationId,
    municipality: values.municipality,
    categoryId: values.categoryId ?? '',
    summary: values.summary,
    immediateDanger: values.immediateDanger,
    callback: {
      mayCallBack: values.mayCallBack,
      mayLeaveMessage: values.mayLeaveMessage,
      safeTimes: values.safeTimes,
      safeChannel: values.safeChannel || null,
    },
    confidentialityExplained: values.confidentialityExplained,
    ...(duration ? { durationMinutes: Number(duration) } : {}),
    outcome: values.outcome,
    ...(values.outcome === 'link_case' && values.linkCaseId ? { linkCaseId: values.linkCaseId } : {}),
    preferences: {
      counsellorGender: values.prefGender || null,
      backgroundId: values.prefBackgroundId || null,
      language: values.prefLanguage || null,
    },
    subject: {
      alias: values.subjectAlias,
      ageBand: values.subjectAgeBand,
      status: values.subjectStatus || null,
    },
    signalIds: values.signalIds,
    protectiveIds: values.protectiveIds,
    sourceActivityId: values.sourceActivityId || null,
  } satisfies Partial<Record<keyof Intake, unknown>>;
}

/** The request's nested fields and where the (flat, draft-shaped) intake values keep them. */
export const INTAKE_PATHS = {
  'subject.alias': 'subjectAlias',
  'subject.ageBand': 'subjectAgeBand',
  'subject.status': 'subjectStatus',
  'callback.mayCallBack': 'mayCallBack',
  'callback.mayLeaveMessage': 'mayLeaveMessage',
  'callback.safeTimes': 'safeTimes',
  'callback.safeChannel': 'safeChannel',
  'preferences.counsellorGender': 'prefGender',
  'preferences.backgroundId': 'prefBackgroundId',
  'preferences.language': 'prefLanguage',
};
