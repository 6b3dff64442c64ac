import type { z } from 'zod';
import type {
  Consent,
  ConsentCreateSchema,
  ConsentDocumentUploadSchema,
  ConsentListSchema,
  ConsentSignSchema,
  ConsentWithdrawSchema,
  FormLanguage,
  WithdrawResultSchema,
} from '../../../shared/consent.schema';
import type { ConsentText } from '../../../shared/consent-text.schema';
import { api } from '../../api/client';

export type ConsentList = z.infer<typeof ConsentListSchema>;
export type WithdrawResult = z.infer<typeof WithdrawResultSchema>;
export type ConsentCreateBody = z.input<typeof ConsentCreateSchema>;
export type ConsentSignBody = z.input<typeof ConsentSignSchema>;

/**
 * Everything about sharing on one case (consents, referrals, meetings, disclosures, emergency requests) lives
 * under one key prefix, so a change to one (a withdrawal cancels referrals) refreshes them all.
 */
export const sharingKey = (caseId: string) => ['sharing', caseId] as const;
export const consentsKey = (caseId: string) => [...sharingKey(caseId), 'consents'] as const;

const enc = encodeURIComponent;
export const consentsPath = (caseId: string) => `/api/cases/${enc(caseId)}/consents`;
const one = (caseId: string, consentId: string) => `${consentsPath(caseId)}/${enc(consentId)}`;

export const fetchConsents = (caseId: string) => api<ConsentList>('GET', consentsPath(caseId));

export const createConsent = (caseId: string, body: ConsentCreateBody) =>
  api<Consent>('POST', consentsPath(caseId), { body });

export const signConsent = (caseId: string, consentId: string, body: ConsentSignBody) =>
  api<Consent>('POST', `${one(caseId, consentId)}/sign`, { body });

/** A coordinator's confirmation of a typed-name signature (the second pair of eyes). */
export const confirmConsent = (caseId: string, consentId: string) =>
  api<Consent>('POST', `${one(caseId, consentId)}/confirm`, { body: {} });

export const uploadConsentDocument = (
  caseId: string,
  consentId: string,
  body: z.input<typeof ConsentDocumentUploadSchema>,
) => api<Consent>('PUT', `${one(caseId, consentId)}/document`, { body });

export const withdrawConsent = (
  caseId: string,
  consentId: string,
  body: z.input<typeof ConsentWithdrawSchema>,
) => api<WithdrawResult>('POST', `${one(caseId, consentId)}/withdraw`, { body });

/** The uploaded signed form (the server logs each download). */
export const consentDocumentUrl = (caseId: string, consentId: string) => `${one(caseId, consentId)}/document`;

/** The printable consent form, in the caller's language. */
export const consentFormUrl = (caseId: string, consentId: string, lang: FormLanguage) =>
  `${one(caseId, consentId)}/form.pdf?lang=${lang}`;

export const consentTextKey = (language: FormLanguage) => ['consent-text', language] as const;

/** The consent text in a form language: the PDF's own words, served by the server. */
export const fetchConsentText = (language: FormLanguage) =>
  api<ConsentText>('GET', `/api/consent-text/${encodeURIComponent(language)}`);
