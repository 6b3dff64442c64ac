import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormLanguage } from '../../../shared/consent.schema';
import { isApiError } from '../../api/client';
import { sharingKey } from '../consent/api';
import { retryNetworkOnly, useRefreshSharing } from '../consent/hooks';
import { createMeeting, fetchMeetings, fetchMeetingSummary, meetingsKey, shareMeeting } from './api';
import type { MeetingCreateBody } from './api';

export function useMeetings(caseId: string) {
  return useQuery({
    queryKey: meetingsKey(caseId),
    queryFn: () => fetchMeetings(caseId),
    retry: retryNetworkOnly,
  });
}

export function useMeetingSummary(caseId: string, meetingId: string, lang: FormLanguage, enabled: boolean) {
  return useQuery({
    queryKey: [...sharingKey(caseId), 'meeting-summary', meetingId, lang],
    queryFn: () => fetchMeetingSummary(caseId, meetingId, lang),
    enabled,
    retry: retryNetworkOnly,
    staleTime: 0,
  });
}

export function useMeetingMutations(caseId: string) {
  const refresh = useRefreshSharing(caseId);
  return {
    create: useMutation({
      mutationFn: (body: MeetingCreateBody) => createMeeting(caseId, body),
      retry: (count, error) => isApiError(error) && error.status === 0 && count < 2,
      onSuccess: refresh,
    }),
    share: useMutation({
      mutationFn: (meetingId: string) => shareMeeting(caseId, meetingId),
      onSuccess: refresh,
    }),
  };
}
