import type { Generated } from 'kysely';
import type { ConversationLanguage } from '../../../shared/cases.schema.js';
import type { PeerConsentKind, PeerConsentMethod, PeerLinkStatus } from '../../../shared/peers.schema.js';

/** Migration 0026. Peer tables answer only to the organiser (`app.actor_role`), except the link requests. */
export interface PeerMembersTable {
  id: string;
  org_id: string;
  alias_enc: Uint8Array;
  phone_enc: Uint8Array | null;
  email_enc: Uint8Array | null;
  language: ConversationLanguage;
  status: Generated<'active' | 'withdrawn'>;
  joined_on: string;
  withdrawn_on: string | null;
  notes_enc: Uint8Array | null;
  notes_erase_on: string | null;
  notes_erased_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PeerMemberConsentsTable {
  id: string;
  org_id: string;
  member_id: string;
  kind: PeerConsentKind;
  method: PeerConsentMethod;
  given_on: string;
  recorded_by: string;
  recorded_at: Date;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
}

export interface PeerMeetingsTable {
  id: string;
  org_id: string;
  held_at: Date;
  place_enc: Uint8Array;
  facilitator: string;
  call_number: string;
  note_enc: Uint8Array | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PeerMeetingInvitesTable {
  org_id: string;
  meeting_id: string;
  member_id: string;
  invited_at: Date;
  emailed_at: Date | null;
  attended: boolean | null;
}

export interface PeerLinkRequestsTable {
  id: string;
  org_id: string;
  case_id: string;
  caller_consent_id: string;
  consent_valid_until: string;
  status: Generated<PeerLinkStatus>;
  handover_enc: Uint8Array;
  language: ConversationLanguage;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface PeerLinksTable {
  id: string;
  org_id: string;
  request_id: string;
  member_id: string;
  linked_by: string;
  linked_at: Date;
}

export interface PeerTables {
  peer_members: PeerMembersTable;
  peer_member_consents: PeerMemberConsentsTable;
  peer_meetings: PeerMeetingsTable;
  peer_meeting_invites: PeerMeetingInvitesTable;
  peer_link_requests: PeerLinkRequestsTable;
  peer_links: PeerLinksTable;
}
