import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASES_KEY, caseKey } from '../cases/api';
import { MY_WORK_KEY } from '../work/api';
import {
  caseOffersKey,
  createOffer,
  fetchCaseOffers,
  fetchMyOffers,
  fetchShortlist,
  fetchWeights,
  MY_OFFERS_KEY,
  respondToOffer,
  saveWeights,
  shortlistKey,
  WEIGHTS_KEY,
} from './api';

export function useShortlist(caseId: string, enabled = true) {
  return useQuery({ queryKey: shortlistKey(caseId), queryFn: () => fetchShortlist(caseId), enabled });
}

export function useCaseOffers(caseId: string, enabled = true) {
  return useQuery({ queryKey: caseOffersKey(caseId), queryFn: () => fetchCaseOffers(caseId), enabled });
}

/** Offering refreshes the case (its state goes to matching), the shortlist (caseload) and the history. */
export function useCreateOffer(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (counsellorId: string) => createOffer(caseId, counsellorId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: caseOffersKey(caseId) });
      void client.invalidateQueries({ queryKey: shortlistKey(caseId) });
      void client.invalidateQueries({ queryKey: caseKey(caseId) });
      void client.invalidateQueries({ queryKey: CASES_KEY });
      void client.invalidateQueries({ queryKey: MY_WORK_KEY });
    },
  });
}

export function useMyOffers(enabled = true) {
  return useQuery({ queryKey: MY_OFFERS_KEY, queryFn: fetchMyOffers, enabled, refetchInterval: 60_000 });
}

export function useRespondToOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof respondToOffer>[1] & { id: string }) => {
      const { id, ...body } = input;
      return respondToOffer(id, body as Parameters<typeof respondToOffer>[1]);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: MY_OFFERS_KEY });
      void client.invalidateQueries({ queryKey: MY_WORK_KEY });
      void client.invalidateQueries({ queryKey: CASES_KEY });
    },
  });
}

export function useWeights() {
  return useQuery({ queryKey: WEIGHTS_KEY, queryFn: fetchWeights });
}

export function useSaveWeights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveWeights,
    onSuccess: (saved) => {
      client.setQueryData(WEIGHTS_KEY, saved);
      void client.invalidateQueries({ queryKey: ['shortlist'] });
    },
  });
}
