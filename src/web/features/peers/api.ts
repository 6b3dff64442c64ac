import type { z } from 'zod';
import type {
  CasePeerLink,
  CasePeerLinkCreate,
  PeerInviteSchema,
  PeerLinkRequest,
  PeerMeeting,
  PeerMeetingCreate,
  PeerMeetingSummary,
  PeerMeetingUpdate,
  PeerMember,
  PeerMemberCreate,
  PeerMemberSummary,
  PeerMemberUpdate,
  PeerConsentMethod,
} from '../../../shared/peers.schema';
import { api } from '../../api/client';

export const PEERS_KEY = ['peers'] as const;
const id = (value: string) => encodeURIComponent(value);

export const fetchMembers = () => api<{ items: PeerMemberSummary[] }>('GET', '/api/peers/members');
export const fetchMember = (memberId: string) => api<PeerMember>('GET', `/api/peers/members/${id(memberId)}`);
export const createMember = (body: PeerMemberCreate) =>
  api<PeerMember>('POST', '/api/peers/members', { body });
export const updateMember = ({ memberId, ...body }: PeerMemberUpdate & { memberId: string }) =>
  api<PeerMember>('PATCH', `/api/peers/members/${id(memberId)}`, { body });
export const recordLinkingConsent = ({
  memberId,
  ...body
}: {
  memberId: string;
  method: PeerConsentMethod;
  givenOn: string;
}) => api<PeerMember>('POST', `/api/peers/members/${id(memberId)}/linking-consent`, { body });
export const withdrawLinkingConsent = (memberId: string) =>
  api<PeerMember>('POST', `/api/peers/members/${id(memberId)}/linking-consent/withdraw`, { body: {} });
export const withdrawMembership = (memberId: string) =>
  api<PeerMember>('POST', `/api/peers/members/${id(memberId)}/withdraw`, { body: {} });

export const fetchMeetings = () => api<{ items: PeerMeetingSummary[] }>('GET', '/api/peers/meetings');
export const fetchMeeting = (meetingId: string) =>
  api<PeerMeeting>('GET', `/api/peers/meetings/${id(meetingId)}`);
export const createMeeting = (body: PeerMeetingCreate) =>
  api<PeerMeeting>('POST', '/api/peers/meetings', { body });
export const updateMeeting = ({ meetingId, ...body }: PeerMeetingUpdate & { meetingId: string }) =>
  api<PeerMeeting>('PATCH', `/api/peers/meetings/${id(meetingId)}`, { body });
export const inviteMembers = ({
  meetingId,
  ...body
}: z.input<typeof PeerInviteSchema> & { meetingId: string }) =>
  api<PeerMeeting>('POST', `/api/peers/meetings/${id(meetingId)}/invitations`, { body });

export const fetchLinkRequests = () => api<{ items: PeerLinkRequest[] }>('GET', '/api/peers/link-requests');
export const confirmLink = ({ requestId, memberId }: { requestId: string; memberId: string }) =>
  api<PeerLinkRequest>('POST', `/api/peers/link-requests/${id(requestId)}/confirm`, { body: { memberId } });
export const declineLink = (requestId: string) =>
  api<PeerLinkRequest>('POST', `/api/peers/link-requests/${id(requestId)}/decline`, { body: {} });

export const fetchCasePeerLink = (caseId: string) =>
  api<CasePeerLink>('GET', `/api/cases/${id(caseId)}/peer-link`);
export const requestCasePeerLink = ({ caseId, ...body }: CasePeerLinkCreate & { caseId: string }) =>
  api<CasePeerLink>('POST', `/api/cases/${id(caseId)}/peer-link`, { body });
