import type { z } from 'zod';
import type { FormLanguage } from '../../../shared/consent.schema';
import type {
  Referral,
  ReferralCancelSchema,
  ReferralCreateSchema,
  ReferralListSchema,
  ReferralRespondSchema,
  ReferralSendSchema,
  Summary,
} from '../../../shared/referrals.schema';
import { api } from '../../api/client';
import { sharingKey } from '../consent/api';

export type ReferralList = z.infer<typeof ReferralListSchema>;
export type ReferralCreateBody = z.input<typeof ReferralCreateSchema>;

export const referralsKey = (caseId: string) => [...sharingKey(caseId), 'referrals'] as const;
export const referralSummaryKey = (caseId: string, referralId: string, lang: string) =>
  [...sharingKey(caseId), 'referral-summary', referralId, lang] as const;

const enc = encodeURIComponent;
const base = (caseId: string) => `/api/cases/${enc(caseId)}/referrals`;
const one = (caseId: string, referralId: string) => `${base(caseId)}/${enc(referralId)}`;

export const fetchReferrals = (caseId: string) => api<ReferralList>('GET', base(caseId));

export const createReferral = (caseId: string, body: ReferralCreateBody) =>
  api<Referral>('POST', base(caseId), { body });

export const sendReferral = (caseId: string, referralId: string, body: z.input<typeof ReferralSendSchema>) =>
  api<Referral>('POST', `${one(caseId, referralId)}/send`, { body });

export const respondToReferral = (
  caseId: string,
  referralId: string,
  body: z.input<typeof ReferralRespondSchema>,
) => api<Referral>('POST', `${one(caseId, referralId)}/respond`, { body });

export const cancelReferral = (
  caseId: string,
  referralId: string,
  body: z.input<typeof ReferralCancelSchema>,
) => api<Referral>('POST', `${one(caseId, referralId)}/cancel`, { body });

export const fetchReferralSummary = (caseId: string, referralId: string, lang: FormLanguage) =>
  api<Summary>('GET', `${one(caseId, referralId)}/summary?lang=${lang}`);

export const referralPreviewKey = (caseId: string, referralId: string, lang: string) =>
  [...sharingKey(caseId), 'referral-preview', referralId, lang] as const;

/** What sending would hand over, under the same checks as sending; nothing is created or sent. */
export const fetchReferralPreview = (caseId: string, referralId: string, lang: FormLanguage) =>
  api<Summary>('GET', `${one(caseId, referralId)}/preview?lang=${lang}`);

export const referralSummaryPdfUrl = (caseId: string, referralId: string, lang: FormLanguage) =>
  `${one(caseId, referralId)}/summary.pdf?lang=${lang}`;
