import type { z } from 'zod';
import type { FormLanguage } from '../../../shared/consent.schema';
import type { Meeting, MeetingCreateSchema, MeetingListSchema } from '../../../shared/meetings.schema';
import type { Summary } from '../../../shared/referrals.schema';
import { api } from '../../api/client';
import { sharingKey } from '../consent/api';

export type MeetingList = z.infer<typeof MeetingListSchema>;
export type MeetingCreateBody = z.input<typeof MeetingCreateSchema>;

export const meetingsKey = (caseId: string) => [...sharingKey(caseId), 'meetings'] as const;

const enc = encodeURIComponent;
const base = (caseId: string) => `/api/cases/${enc(caseId)}/meetings`;
const one = (caseId: string, meetingId: string) => `${base(caseId)}/${enc(meetingId)}`;

export const fetchMeetings = (caseId: string) => api<MeetingList>('GET', base(caseId));

export const createMeeting = (caseId: string, body: MeetingCreateBody) =>
  api<Meeting>('POST', base(caseId), { body });

export const shareMeeting = (caseId: string, meetingId: string) =>
  api<Meeting>('POST', `${one(caseId, meetingId)}/share`);

export const fetchMeetingSummary = (caseId: string, meetingId: string, lang: FormLanguage) =>
  api<Summary>('GET', `${one(caseId, meetingId)}/summary?lang=${lang}`);

export const meetingSummaryPdfUrl = (caseId: string, meetingId: string, lang: FormLanguage) =>
  `${one(caseId, meetingId)}/summary.pdf?lang=${lang}`;
