import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AlertsTable } from '../cases/cases.table.js';
import type {
  PeerLinkRequestsTable,
  PeerMeetingsTable,
  PeerMemberConsentsTable,
  PeerMembersTable,
} from './peers.table.js';

/**
 * The only SQL of the peer network. Peer tables answer only when the transaction's actor role is the
 * organiser's (or the peer jobs'); see migration 0026.
 */

const MEMBER_COLUMNS = [
  'id',
  'org_id',
  'alias_enc',
  'phone_enc',
  'email_enc',
  'language',
  'status',
  'joined_on',
  'withdrawn_on',
  'notes_enc',
  'notes_erase_on',
  'notes_erased_at',
] as const;

export type MemberRow = Awaited<ReturnType<typeof findMember>> & {};

/** Jobs run as the system: they say so, so that the peer tables answer them (and only in their transaction). */
export async function actAsPeerSystem(db: Db): Promise<void> {
  await sql`select set_config('app.actor_role', 'peer_system', true)`.execute(db);
}

export async function insertMember(db: Db, row: Insertable<PeerMembersTable>): Promise<void> {
  await db.insertInto('peer_members').values(row).execute();
}

export async function findMember(db: Db, id: string) {
  return db.selectFrom('peer_members').select(MEMBER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listMembers(db: Db, orgId: string) {
  return db
    .selectFrom('peer_members')
    .select(MEMBER_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('status')
    .orderBy('joined_on', 'desc')
    .limit(1000)
    .execute();
}

export async function membersByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('peer_members').select(MEMBER_COLUMNS).where('id', 'in', ids).execute();
}

export async function updateMember(db: Db, id: string, patch: Updateable<PeerMembersTable>): Promise<void> {
  await db.updateTable('peer_members').set(patch).where('id', '=', id).execute();
}

export async function insertMemberConsent(db: Db, row: Insertable<PeerMemberConsentsTable>): Promise<void> {
  await db.insertInto('peer_member_consents').values(row).execute();
}

/** The consents of a set of members, with who recorded them, oldest first. */
export async function consentsOf(db: Db, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('peer_member_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.member_id',
      'c.kind',
      'c.method',
      'c.given_on',
      'c.recorded_at',
      'c.withdrawn_on',
      'u.display_name as recorded_by_name',
    ])
    .where('c.member_id', 'in', memberIds)
    .orderBy('c.recorded_at')
    .execute();
}

/** Withdraws a member's open consents (of one kind, or all); returns how many. */
export async function withdrawConsents(
  db: Db,
  memberId: string,
  kind: 'membership' | 'linking' | 'all',
  on: string,
  by: string,
): Promise<number> {
  let q = db
    .updateTable('peer_member_consents')
    .set({ withdrawn_on: on, withdrawn_by: by })
    .where('member_id', '=', memberId)
    .where('withdrawn_on', 'is', null);
  if (kind !== 'all') q = q.where('kind', '=', kind);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Invitations to meetings not yet held are dropped when a member leaves. */
export async function dropFutureInvites(db: Db, memberId: string, now: Date): Promise<void> {
  await db
    .deleteFrom('peer_meeting_invites')
    .where('member_id', '=', memberId)
    .where('meeting_id', 'in', db.selectFrom('peer_meetings').select('id').where('held_at', '>', now))
    .execute();
}

export async function insertMeeting(db: Db, row: Insertable<PeerMeetingsTable>): Promise<void> {
  await db.insertInto('peer_meetings').values(row).execute();
}

const MEETING_COLUMNS = [
  'm.id',
  'm.org_id',
  'm.held_at',
  'm.place_enc',
  'm.facilitator',
  'm.call_number',
  'm.note_enc',
] as const;

export async function findMeeting(db: Db, id: string) {
  return db
    .selectFrom('peer_meetings as m')
    .select(MEETING_COLUMNS)
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Meetings with how many were invited and came, newest first. */
export async function listMeetings(db: Db, orgId: string) {
  return db
    .selectFrom('peer_meetings as m')
    .leftJoin('peer_meeting_invites as i', 'i.meeting_id', 'm.id')
    .select([
      'm.id',
      'm.held_at',
      'm.facilitator',
      sql<number>`count(i.member_id)::int`.as('invited'),
      sql<number>`count(i.member_id) filter (where i.attended)::int`.as('attended'),
    ])
    .where('m.org_id', '=', orgId)
    .groupBy(['m.id', 'm.held_at', 'm.facilitator'])
    .orderBy('m.held_at', 'desc')
    .limit(500)
    .execute();
}

export async function updateMeeting(db: Db, id: string, patch: Updateable<PeerMeetingsTable>): Promise<void> {
  await db.updateTable('peer_meetings').set(patch).where('id', '=', id).execute();
}

export async function invitesOf(db: Db, meetingId: string) {
  return db
    .selectFrom('peer_meeting_invites')
    .select(['member_id', 'invited_at', 'emailed_at', 'attended'])
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** Adds invitations; members already invited are left as they were. Returns the newly invited ids. */
export async function insertInvites(
  db: Db,
  orgId: string,
  meetingId: string,
  memberIds: readonly string[],
  now: Date,
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .insertInto('peer_meeting_invites')
    .values(
      memberIds.map((member_id) => ({ org_id: orgId, meeting_id: meetingId, member_id, invited_at: now })),
    )
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doNothing())
    .returning('member_id')
    .execute();
  return rows.map((r) => r.member_id);
}

export async function setAttendance(
  db: Db,
  meetingId: string,
  memberId: string,
  attended: boolean,
): Promise<number> {
  const res = await db
    .updateTable('peer_meeting_invites')
    .set({ attended })
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function markEmailed(db: Db, meetingId: string, memberId: string, at: Date): Promise<void> {
  await db
    .updateTable('peer_meeting_invites')
    .set({ emailed_at: at })
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .execute();
}

export async function findInvite(db: Db, meetingId: string, memberId: string) {
  return db
    .selectFrom('peer_meeting_invites')
    .select(['member_id', 'emailed_at'])
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

// ---- Link requests: the one table both sides read (see migration 0026) ----

const REQUEST_COLUMNS = [
  'id',
  'org_id',
  'case_id',
  'caller_consent_id',
  'consent_valid_until',
  'status',
  'handover_enc',
  'language',
  'requested_at',
  'decided_at',
] as const;

export async function insertLinkRequest(db: Db, row: Insertable<PeerLinkRequestsTable>): Promise<void> {
  await db.insertInto('peer_link_requests').values(row).execute();
}

export async function findLinkRequest(db: Db, id: string) {
  return db.selectFrom('peer_link_requests').select(REQUEST_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The latest request of a case (what the case shows). */
export async function latestRequestOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('peer_link_requests')
    .select(['id', 'status', 'requested_at', 'decided_at'])
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listLinkRequests(db: Db, orgId: string) {
  return db
    .selectFrom('peer_link_requests')
    .select(REQUEST_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy(sql`case when status = 'requested' then 0 else 1 end`)
    .orderBy('requested_at', 'desc')
    .limit(500)
    .execute();
}

export async function decideLinkRequest(
  db: Db,
  id: string,
  status: 'linked' | 'declined',
  by: string,
  at: Date,
): Promise<number> {
  const res = await db
    .updateTable('peer_link_requests')
    .set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A withdrawn caller consent cancels the requests it carried that nobody answered yet. */
export async function cancelOpenRequestsForConsent(db: Db, consentId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('peer_link_requests')
    .set({ status: 'cancelled', decided_at: at })
    .where('caller_consent_id', '=', consentId)
    .where('status', '=', 'requested')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertLink(
  db: Db,
  row: {
    id: string;
    org_id: string;
    request_id: string;
    member_id: string;
    linked_by: string;
    linked_at: Date;
  },
): Promise<void> {
  await db.insertInto('peer_links').values(row).execute();
}

export async function linksOf(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('peer_links')
    .select(['request_id', 'member_id'])
    .where('request_id', 'in', requestIds)
    .execute();
}

/** The organisation's term for intervention I4 (link to a peer parent). */
export async function findI4Term(db: Db, orgId: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'intervention')
    .where('code', '=', 'I4')
    .executeTakeFirst();
}

/**
 * Records intervention I4 on the case of a confirmed link. The organiser may insert here and nowhere else
 * on a case: the database lets them add the row, never read it back (migration 0026).
 */
export async function insertI4(
  db: Db,
  row: { id: string; orgId: string; caseId: string; termId: string; on: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('case_interventions')
    .values({
      id: row.id,
      org_id: row.orgId,
      case_id: row.caseId,
      intervention_id: row.termId,
      occurred_on: row.on,
      note_enc: null,
      recorded_by: row.by,
      created_at: row.at,
    })
    .execute();
}

/** Withdrawn members whose notes still await erasure: when they withdrew (for a new retention period). */
export async function membersAwaitingErasure(db: Db, orgId: string) {
  return db
    .selectFrom('peer_members')
    .select(['id', 'withdrawn_on', 'notes_erase_on'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'withdrawn')
    .where('notes_erased_at', 'is', null)
    .execute();
}

/** The organisation's active peer-network organisers. */
export async function organiserIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'peer_organiser')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * In-app alerts "a peer link was requested" for these users: a kind and nothing else — no case id, since the
 * organiser sees no case, and no hand-over text.
 */
export async function insertLinkRequestAlerts(
  db: Db,
  rows: { id: string; org_id: string; user_id: string; created_at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('alerts')
    .values(
      rows.map((r) => ({
        ...r,
        // Added by migration 0030; the AlertsTable type lives with the case tables (another module).
        kind: 'peer_link_request' as string as AlertsTable['kind'],
        case_id: null,
      })),
    )
    .execute();
}
