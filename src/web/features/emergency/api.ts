import type { z } from 'zod';
import type { FourEyesHealth } from '../../../shared/four-eyes.schema';
import type {
  EMERGENCY_STATUSES,
  EmergencyCreateSchema,
  EmergencyDecisionSchema,
  EmergencyListSchema,
  EmergencyRequest,
} from '../../../shared/emergency.schema';
import type { FormLanguage } from '../../../shared/consent.schema';
import type { Summary } from '../../../shared/referrals.schema';
import { api, toQuery } from '../../api/client';
import { sharingKey } from '../consent/api';

export type EmergencyList = z.infer<typeof EmergencyListSchema>;
export type EmergencyCreateBody = z.input<typeof EmergencyCreateSchema>;
export type EmergencyStatus = (typeof EMERGENCY_STATUSES)[number];

export const caseEmergencyKey = (caseId: string) => [...sharingKey(caseId), 'emergency'] as const;
export const EMERGENCY_REQUESTS_KEY = ['emergency-requests'] as const;

const enc = encodeURIComponent;
const requestPath = (id: string) => `/api/emergency-requests/${enc(id)}`;

export const fetchCaseEmergencies = (caseId: string) =>
  api<EmergencyList>('GET', `/api/cases/${enc(caseId)}/emergency`);

export const createEmergency = (caseId: string, body: EmergencyCreateBody) =>
  api<EmergencyRequest>('POST', `/api/cases/${enc(caseId)}/emergency`, { body });

/** Requests to decide (coordinators and admins); `status` narrows the list. */
export const fetchEmergencyRequests = (status: EmergencyStatus | undefined) =>
  api<EmergencyList>('GET', `/api/emergency-requests${toQuery({ status })}`);

export const decideEmergency = (id: string, body: z.input<typeof EmergencyDecisionSchema>) =>
  api<EmergencyRequest>('POST', `${requestPath(id)}/decision`, { body });

export const discloseEmergency = (id: string) => api<EmergencyRequest>('POST', `${requestPath(id)}/disclose`);

export const fetchEmergencySummary = (id: string, lang: FormLanguage) =>
  api<Summary>('GET', `${requestPath(id)}/summary?lang=${lang}`);

export const emergencySummaryPdfUrl = (id: string, lang: FormLanguage) =>
  `${requestPath(id)}/summary.pdf?lang=${lang}`;

export const FOUR_EYES_KEY = ['four-eyes-health'] as const;

/** The privacy officer's view of four eyes: people, times and ties only — no case content. */
export const fetchFourEyesHealth = () => api<FourEyesHealth>('GET', '/api/four-eyes/health');
