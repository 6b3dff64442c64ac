import { useMutation, useQuery } from '@tanstack/react-query';
import type { DisclosureChannel } from '../../../shared/referrals.schema';
import type { FormLanguage } from '../../../shared/consent.schema';
import { isApiError } from '../../api/client';
import { retryNetworkOnly, useRefreshSharing } from '../consent/hooks';
import {
  cancelReferral,
  createReferral,
  fetchReferralPreview,
  fetchReferrals,
  fetchReferralSummary,
  referralPreviewKey,
  referralsKey,
  referralSummaryKey,
  respondToReferral,
  sendReferral,
} from './api';
import type { ReferralCreateBody } from './api';

export function useReferrals(caseId: string) {
  return useQuery({
    queryKey: referralsKey(caseId),
    queryFn: () => fetchReferrals(caseId),
    retry: retryNetworkOnly,
  });
}

/** The on-screen summary: only fetched when asked for (every fetch is a deliberate look at what is shared). */
export function useReferralSummary(caseId: string, referralId: string, lang: FormLanguage, enabled: boolean) {
  return useQuery({
    queryKey: referralSummaryKey(caseId, referralId, lang),
    queryFn: () => fetchReferralSummary(caseId, referralId, lang),
    enabled,
    retry: retryNetworkOnly,
    staleTime: 0,
  });
}

/** The preview before "send": fetched each time the dialog opens, never kept. */
export function useReferralPreview(caseId: string, referralId: string, lang: FormLanguage, enabled: boolean) {
  return useQuery({
    queryKey: referralPreviewKey(caseId, referralId, lang),
    queryFn: () => fetchReferralPreview(caseId, referralId, lang),
    enabled,
    retry: retryNetworkOnly,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useReferralMutations(caseId: string) {
  const refresh = useRefreshSharing(caseId);
  return {
    create: useMutation({
      mutationFn: (body: ReferralCreateBody) => createReferral(caseId, body),
      retry: (count, error) => isApiError(error) && error.status === 0 && count < 2,
      onSuccess: refresh,
    }),
    send: useMutation({
      mutationFn: (input: { referralId: string; channel: DisclosureChannel }) =>
        sendReferral(caseId, input.referralId, { channel: input.channel }),
      onSuccess: refresh,
    }),
    respond: useMutation({
      mutationFn: (input: {
        referralId: string;
        outcome: 'accepted' | 'declined' | 'completed';
        note: string;
      }) => respondToReferral(caseId, input.referralId, { outcome: input.outcome, note: input.note }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (input: { referralId: string; reason: string }) =>
        cancelReferral(caseId, input.referralId, { reason: input.reason }),
      onSuccess: refresh,
    }),
  };
}
