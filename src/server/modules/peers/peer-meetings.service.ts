import { randomUUID } from 'node:crypto';
import type {
  PeerInvite,
  PeerMeeting,
  PeerMeetingCreate,
  PeerMeetingSummary,
  PeerMeetingUpdate,
} from '../../../shared/peers.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, openText, sealOptional, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { enqueue } from '../jobs/jobs.service.js';
import { authorizePeer } from './peers.policy.js';
import * as repo from './peers.repository.js';

/**
 * Private meetings of the peer network: date, place (never published, sealed), facilitator, invited members,
 * attendance and a note for organisers only (sealed). Invitations go out as a printable list and, where an
 * address is known, as an e-mail that says nothing but "you are invited; please call X".
 */

const T = 'peer_meetings';

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', undefined, { errors: [{ field, reason, message }] });

async function loadMeeting(ctx: Ctx, id: string) {
  const row = await repo.findMeeting(ctx.db, id);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such meeting');
  return row;
}

export async function listMeetings(ctx: Ctx): Promise<{ items: PeerMeetingSummary[] }> {
  authorizePeer(ctx.actor, 'peer.view');
  const rows = await repo.listMeetings(ctx.db, ctx.actor.orgId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      heldAt: r.held_at.toISOString(),
      facilitator: r.facilitator,
      invited: r.invited,
      attended: r.attended,
    })),
  };
}

export async function getMeeting(ctx: Ctx, id: string): Promise<PeerMeeting> {
  authorizePeer(ctx.actor, 'peer.view');
  const m = await loadMeeting(ctx, id);
  const invites = await repo.invitesOf(ctx.db, id);
  const members = new Map(
    (
      await repo.membersByIds(
        ctx.db,
        invites.map((i) => i.member_id),
      )
    ).map((r) => [r.id, r]),
  );
  const invitees = await Promise.all(
    invites.map(async (i) => {
      const member = members.get(i.member_id)!;
      return {
        memberId: i.member_id,
        alias: await openText(ctx, 'peer_members', 'alias', member.id, member.alias_enc),
        phone: await openOptional(ctx, 'peer_members', 'phone', member.id, member.phone_enc),
        hasEmail: member.email_enc !== null,
        emailed: i.emailed_at !== null,
        attended: i.attended,
      };
    }),
  );
  invitees.sort((a, b) => a.alias.localeCompare(b.alias));
  await recordAccess(ctx, { entity: 'peer_meeting', entityId: id, purpose: 'peer_network' });
  return {
    id,
    heldAt: m.held_at.toISOString(),
    facilitator: m.facilitator,
    invited: invites.length,
    attended: invites.filter((i) => i.attended).length,
    place: await openText(ctx, T, 'place', id, m.place_enc),
    callNumber: m.call_number,
    note: await openOptional(ctx, T, 'note', id, m.note_enc),
    invitees,
  };
}

const createMeetingOnce = idempotent(
  'peer_meeting',
  async (ctx) => authorizePeer(ctx.actor, 'peer.manage'),
  async (ctx: Ctx, _parent: string, input: PeerMeetingCreate) => {
    authorizePeer(ctx.actor, 'peer.manage');
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertMeeting(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      held_at: new Date(input.heldAt),
      place_enc: await sealText(ctx, T, 'place', id, input.place),
      facilitator: input.facilitator,
      call_number: input.callNumber,
      note_enc: await sealOptional(ctx, T, 'note', id, input.note),
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, {
      action: 'peer.meeting_add',
      entity: 'peer_meeting',
      entityId: id,
      changedFields: ['held_at', 'place', 'facilitator', 'call_number', ...(input.note ? ['note'] : [])],
    });
    return { id };
  },
);

export async function createMeeting(ctx: Ctx, input: PeerMeetingCreate): Promise<PeerMeeting> {
  authorizePeer(ctx.actor, 'peer.manage');
  const { id } = await createMeetingOnce(ctx, ctx.actor.orgId, input);
  return getMeeting(ctx, id);
}

/** Edits the meeting and records who came (only invited members can have attended). */
export async function updateMeeting(ctx: Ctx, id: string, input: PeerMeetingUpdate): Promise<PeerMeeting> {
  authorizePeer(ctx.actor, 'peer.manage');
  await loadMeeting(ctx, id);
  const patch = {
    ...(input.heldAt !== undefined ? { held_at: new Date(input.heldAt) } : {}),
    ...(input.place !== undefined ? { place_enc: await sealText(ctx, T, 'place', id, input.place) } : {}),
    ...(input.facilitator !== undefined ? { facilitator: input.facilitator } : {}),
    ...(input.callNumber !== undefined ? { call_number: input.callNumber } : {}),
    ...(input.note !== undefined ? { note_enc: await sealOptional(ctx, T, 'note', id, input.note) } : {}),
  };
  const changed = Object.keys(patch).map((k) => k.replace(/_enc$/, ''));
  if (input.attendance?.length) {
    const invited = new Set((await repo.invitesOf(ctx.db, id)).map((i) => i.member_id));
    const stranger = input.attendance.findIndex((a) => !invited.has(a.memberId));
    if (stranger >= 0)
      throw invalid(`attendance.${stranger}.memberId`, 'not_invited', 'Only invited members can attend');
    for (const a of input.attendance) await repo.setAttendance(ctx.db, id, a.memberId, a.attended);
    changed.push('attendance');
  }
  if (Object.keys(patch).length)
    await repo.updateMeeting(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
  if (changed.length)
    await audit(ctx, {
      action: 'peer.meeting_update',
      entity: 'peer_meeting',
      entityId: id,
      changedFields: changed,
    });
  return getMeeting(ctx, id);
}

/**
 * Invites active members; with `sendEmail`, those with an address get an e-mail without content, sent by a
 * job (so a slow mail server never blocks the organiser, and a retried request never mails twice).
 */
export async function inviteMembers(ctx: Ctx, id: string, input: PeerInvite): Promise<PeerMeeting> {
  authorizePeer(ctx.actor, 'peer.manage');
  await loadMeeting(ctx, id);
  const ids = [...new Set(input.memberIds)];
  const members = new Map((await repo.membersByIds(ctx.db, ids)).map((m) => [m.id, m]));
  const bad = input.memberIds.findIndex((m) => {
    const member = members.get(m);
    return !member || member.org_id !== ctx.actor.orgId || member.status !== 'active';
  });
  if (bad >= 0) throw invalid(`memberIds.${bad}`, 'not_a_member', 'Only active members can be invited');
  const added = await repo.insertInvites(ctx.db, ctx.actor.orgId, id, ids, ctx.clock.now());
  if (input.sendEmail)
    for (const memberId of added) {
      if (!members.get(memberId)!.email_enc) continue;
      await enqueue(ctx, {
        kind: 'peer.invite_email',
        payload: { meetingId: id, memberId },
        runAt: ctx.clock.now(),
        dedupeKey: `peer.invite_email:${id}:${memberId}`,
      });
    }
  if (added.length)
    await audit(ctx, {
      action: 'peer.meeting_invite',
      entity: 'peer_meeting',
      entityId: id,
      details: { invited: added.length, emailed: input.sendEmail },
    });
  return getMeeting(ctx, id);
}
