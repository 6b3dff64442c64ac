import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormLanguage } from '../../../shared/consent.schema';
import { isApiError } from '../../api/client';
import { sharingKey } from '../consent/api';
import { retryNetworkOnly } from '../consent/hooks';
import { caseKey } from '../cases/api';
import { MY_WORK_KEY } from '../work/api';
import {
  caseEmergencyKey,
  createEmergency,
  decideEmergency,
  discloseEmergency,
  EMERGENCY_REQUESTS_KEY,
  fetchCaseEmergencies,
  fetchEmergencyRequests,
  fetchEmergencySummary,
} from './api';
import type { EmergencyCreateBody, EmergencyStatus } from './api';

export function useCaseEmergencies(caseId: string, enabled = true) {
  return useQuery({
    queryKey: caseEmergencyKey(caseId),
    queryFn: () => fetchCaseEmergencies(caseId),
    enabled,
    retry: retryNetworkOnly,
    // A colleague decides elsewhere: look again now and then while the page is open.
    refetchInterval: 60_000,
  });
}

export function useEmergencyRequests(status: EmergencyStatus | undefined, enabled = true) {
  return useQuery({
    queryKey: [...EMERGENCY_REQUESTS_KEY, status ?? 'all'],
    queryFn: () => fetchEmergencyRequests(status),
    enabled,
    retry: retryNetworkOnly,
    refetchInterval: 60_000,
  });
}

export function useEmergencySummary(id: string, lang: FormLanguage, enabled: boolean) {
  return useQuery({
    queryKey: ['emergency-summary', id, lang],
    queryFn: () => fetchEmergencySummary(id, lang),
    enabled,
    retry: retryNetworkOnly,
    staleTime: 0,
  });
}

/** Every emergency write refreshes the approvals list, the case's sharing lists, the case and "my work". */
export function useEmergencyMutations() {
  const client = useQueryClient();
  const refresh = async (caseId: string) => {
    await client.invalidateQueries({ queryKey: EMERGENCY_REQUESTS_KEY });
    void client.invalidateQueries({ queryKey: sharingKey(caseId) });
    void client.invalidateQueries({ queryKey: caseKey(caseId) });
    void client.invalidateQueries({ queryKey: MY_WORK_KEY });
  };
  return {
    create: useMutation({
      mutationFn: (input: { caseId: string; body: EmergencyCreateBody }) =>
        createEmergency(input.caseId, input.body),
      retry: (count, error) => isApiError(error) && error.status === 0 && count < 2,
      onSuccess: (request) => refresh(request.caseId),
    }),
    decide: useMutation({
      mutationFn: (input: { id: string; decision: 'approve' | 'reject'; note: string }) =>
        decideEmergency(input.id, { decision: input.decision, note: input.note }),
      onSuccess: (request) => refresh(request.caseId),
    }),
    disclose: useMutation({
      mutationFn: (id: string) => discloseEmergency(id),
      onSuccess: (request) => refresh(request.caseId),
    }),
  };
}
