import type { UiLanguage } from '../../../shared/roles.js';
import { UI_LANGUAGES } from '../../../shared/roles.js';
import { addDays, instantAt } from '../../lib/dates.js';
import { openText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { enqueue, type JobHandler } from '../jobs/jobs.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { findRetentionSettings } from '../organisations/retention.repository.js';
import { PEER_RESCHEDULE_JOB } from '../organisations/retention.service.js';
import * as repo from './peers.repository.js';

/**
 * The invitation e-mail says nothing but "you are invited; please call X": no date, no place, no name of the
 * network, nothing a housemate reading over a shoulder could learn from. In the member's language when the
 * UI speaks it, else Dutch.
 */
const INVITATION: Record<UiLanguage, (call: string) => { subject: string; text: string }> = {
  nl: (call) => ({ subject: 'Uitnodiging', text: `U bent uitgenodigd. Bel alstublieft ${call}.\n` }),
  en: (call) => ({ subject: 'Invitation', text: `You are invited. Please call ${call}.\n` }),
  ar: (call) => ({ subject: 'دعوة', text: `أنت مدعو. يرجى الاتصال بالرقم ${call}.\n` }),
  tr: (call) => ({ subject: 'Davet', text: `Davetlisiniz. Lütfen ${call} numarasını arayın.\n` }),
};

export function composeInvitation(language: string, callNumber: string): { subject: string; text: string } {
  const lang = (UI_LANGUAGES as readonly string[]).includes(language) ? (language as UiLanguage) : 'nl';
  return INVITATION[lang](callNumber);
}

export const peerJobHandlers: Record<string, JobHandler> = {
  /** Sends one invitation e-mail; marks it sent, so a retry after a crash does not mail twice. */
  'peer.invite_email': async (ctx, payload) => {
    if (!ctx.mailer) return; // SMTP not configured: the printed list and a phone call are the invitation.
    await repo.actAsPeerSystem(ctx.db);
    const meetingId = String(payload.meetingId);
    const memberId = String(payload.memberId);
    const invite = await repo.findInvite(ctx.db, meetingId, memberId);
    const meeting = await repo.findMeeting(ctx.db, meetingId);
    const member = await repo.findMember(ctx.db, memberId);
    if (!invite || invite.emailed_at || !meeting || !member?.email_enc || member.status !== 'active') return;
    const to = await openText(ctx, 'peer_members', 'email', member.id, member.email_enc);
    await ctx.mailer.send({ to, ...composeInvitation(member.language, meeting.call_number) });
    await repo.markEmailed(ctx.db, meetingId, memberId, ctx.clock.now());
  },
  /**
   * After the organisation's retention period, a withdrawn member's notes are erased (unless they rejoined
   * meanwhile). The period is read now: if the admin lengthened it since, this run is early and does nothing
   * (the reschedule job below queued the later one).
   */
  'peer.erase_notes': async (ctx, payload) => {
    await repo.actAsPeerSystem(ctx.db);
    const memberId = String(payload.memberId);
    const member = await repo.findMember(ctx.db, memberId);
    if (!member || member.status !== 'withdrawn' || member.notes_erased_at || !member.withdrawn_on) return;
    const { peerNotesDays } = await findRetentionSettings(ctx.db, ctx.actor.orgId);
    if (addDays(member.withdrawn_on, peerNotesDays) > (await todayOf(ctx))) return;
    const now = ctx.clock.now();
    await repo.updateMember(ctx.db, memberId, { notes_enc: null, notes_erased_at: now, updated_at: now });
    await audit(ctx, {
      action: 'peer.notes_erase',
      entity: 'peer_member',
      entityId: memberId,
      changedFields: ['notes'],
    });
  },
  /**
   * The admin changed the retention period: every withdrawn member whose notes are not erased yet gets the
   * erasure day the new period gives (from the day they withdrew), and an erasure job on that day (at once
   * when it has passed). Audited once, with the count only.
   */
  [PEER_RESCHEDULE_JOB]: async (ctx) => {
    await repo.actAsPeerSystem(ctx.db);
    const orgId = ctx.actor.orgId;
    const { peerNotesDays } = await findRetentionSettings(ctx.db, orgId);
    const timeZone = await getTimeZone(ctx.db, orgId);
    const now = ctx.clock.now();
    let moved = 0;
    for (const m of await repo.membersAwaitingErasure(ctx.db, orgId)) {
      if (!m.withdrawn_on) continue;
      const eraseOn = addDays(m.withdrawn_on, peerNotesDays);
      if (eraseOn === m.notes_erase_on) continue;
      await repo.updateMember(ctx.db, m.id, { notes_erase_on: eraseOn, updated_at: now });
      const at = instantAt(timeZone, eraseOn);
      await enqueue(ctx, {
        kind: 'peer.erase_notes',
        payload: { memberId: m.id },
        runAt: at > now ? at : now,
        dedupeKey: `peer.erase_notes:${m.id}:${eraseOn}`,
      });
      moved += 1;
    }
    if (moved)
      await audit(ctx, {
        action: 'peer.erasures_reschedule',
        entity: 'organisation',
        entityId: orgId,
        changedFields: ['notes_erase_on'],
        details: { members: moved, peerNotesDays },
      });
  },
};
