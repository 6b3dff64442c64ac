import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { caseKey } from '../cases/api';
import { MY_WORK_KEY } from '../work/api';
import {
  confirmConsent,
  consentsKey,
  consentTextKey,
  createConsent,
  fetchConsents,
  fetchConsentText,
  sharingKey,
  signConsent,
  uploadConsentDocument,
  withdrawConsent,
} from './api';
import type { ConsentCreateBody, ConsentSignBody } from './api';
import type { FormLanguage } from '../../../shared/consent.schema';

/** "Forbidden" and "not found" are answers, not hiccups: do not retry them. */
export const retryNetworkOnly = (count: number, error: unknown) =>
  !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2;

/**
 * After any write about sharing: the sharing lists of the case, the case itself (system tasks such as "make
 * consent written" or "inform partners") and "my work".
 */
export function useRefreshSharing(caseId: string) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: sharingKey(caseId) });
    void client.invalidateQueries({ queryKey: caseKey(caseId) });
    void client.invalidateQueries({ queryKey: MY_WORK_KEY });
  };
}

export function useConsents(caseId: string) {
  return useQuery({
    queryKey: consentsKey(caseId),
    queryFn: () => fetchConsents(caseId),
    retry: retryNetworkOnly,
  });
}

export function useConsentMutations(caseId: string) {
  const refresh = useRefreshSharing(caseId);
  return {
    create: useMutation({
      mutationFn: (body: ConsentCreateBody) => createConsent(caseId, body),
      // A lost answer is retried with the same request id: the server returns the first consent.
      retry: (count, error) => isApiError(error) && error.status === 0 && count < 2,
      onSuccess: refresh,
    }),
    sign: useMutation({
      mutationFn: (input: { consentId: string; body: ConsentSignBody }) =>
        signConsent(caseId, input.consentId, input.body),
      onSuccess: refresh,
    }),
    confirm: useMutation({
      mutationFn: (consentId: string) => confirmConsent(caseId, consentId),
      onSuccess: refresh,
    }),
    upload: useMutation({
      mutationFn: (input: { consentId: string; fileName: string; data: string }) =>
        uploadConsentDocument(caseId, input.consentId, { fileName: input.fileName, data: input.data }),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (input: { consentId: string; withdrawnOn?: string; note: string }) => {
        const { consentId, ...body } = input;
        return withdrawConsent(caseId, consentId, body);
      },
      onSuccess: refresh,
    }),
  };
}

/** The consent text in a form language; static, so fetched once per language. */
export function useConsentText(language: FormLanguage) {
  return useQuery({
    queryKey: consentTextKey(language),
    queryFn: () => fetchConsentText(language),
    staleTime: Infinity,
  });
}
