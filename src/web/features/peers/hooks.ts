import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api';
import { PEERS_KEY } from './api';

export const useMembers = () => useQuery({ queryKey: [...PEERS_KEY, 'members'], queryFn: api.fetchMembers });
export const useMember = (memberId: string | null) =>
  useQuery({
    queryKey: [...PEERS_KEY, 'member', memberId],
    queryFn: () => api.fetchMember(memberId!),
    enabled: memberId !== null,
  });
export const useMeetings = () =>
  useQuery({ queryKey: [...PEERS_KEY, 'meetings'], queryFn: api.fetchMeetings });
export const useMeeting = (meetingId: string) =>
  useQuery({ queryKey: [...PEERS_KEY, 'meeting', meetingId], queryFn: () => api.fetchMeeting(meetingId) });
export const useLinkRequests = () =>
  useQuery({ queryKey: [...PEERS_KEY, 'requests'], queryFn: api.fetchLinkRequests });

/** Every change in the network refreshes the network's queries (they are few and small). */
export function usePeerMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: PEERS_KEY });
  return {
    createMember: useMutation({ mutationFn: api.createMember, onSuccess: refresh }),
    updateMember: useMutation({ mutationFn: api.updateMember, onSuccess: refresh }),
    recordLinkingConsent: useMutation({ mutationFn: api.recordLinkingConsent, onSuccess: refresh }),
    withdrawLinkingConsent: useMutation({ mutationFn: api.withdrawLinkingConsent, onSuccess: refresh }),
    withdrawMembership: useMutation({ mutationFn: api.withdrawMembership, onSuccess: refresh }),
    createMeeting: useMutation({ mutationFn: api.createMeeting, onSuccess: refresh }),
    updateMeeting: useMutation({ mutationFn: api.updateMeeting, onSuccess: refresh }),
    inviteMembers: useMutation({ mutationFn: api.inviteMembers, onSuccess: refresh }),
    confirmLink: useMutation({ mutationFn: api.confirmLink, onSuccess: refresh }),
    declineLink: useMutation({ mutationFn: api.declineLink, onSuccess: refresh }),
  };
}

const caseKey = (caseId: string) => ['cases', caseId, 'peer-link'] as const;

export const useCasePeerLink = (caseId: string) =>
  useQuery({ queryKey: caseKey(caseId), queryFn: () => api.fetchCasePeerLink(caseId) });

export function useRequestCasePeerLink(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.requestCasePeerLink,
    onSuccess: (data) => client.setQueryData(caseKey(caseId), data),
  });
}
