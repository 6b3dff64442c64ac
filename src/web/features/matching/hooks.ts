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
  putOnWaitingList,
  respondToOffer,
  saveWeights,
  shortlistKey,
  WEIGHTS_KEY,
  STRICT,
  type Widening,
} from './api';

export function useShortlist(caseId: string, widening: Widening = STRICT, enabled = true) {
  return useQuery({
    queryKey: shortlistKey(caseId, widening),
    queryFn: () => fetchShortlist(caseId, widening),
    enabled,
  });
}

export function useCaseOffers(caseId: string, enabled = true) {
  return useQuery({ queryKey: caseOffersKey(caseId), queryFn: () => fetchCaseOffers(caseId), enabled });
}

/** Offering refreshes the case (its state goes to matching), the shortlist (caseload) and the history. */
export function useCreateOffer(caseId: string, widening: Widening = STRICT) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (counsellorId: string) => createOffer(caseId, counsellorId, widening),
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
      return respondToOffer(id, body);
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

/** The waiting list: a dated follow-up task for the coordinator; the case's tasks and the work list refresh. */
export function useWaitingList(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof putOnWaitingList>[1]) => putOnWaitingList(caseId, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: caseKey(caseId) });
      void client.invalidateQueries({ queryKey: MY_WORK_KEY });
    },
  });
}
