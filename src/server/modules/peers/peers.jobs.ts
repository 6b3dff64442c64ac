import type { UiLanguage } from '../../../shared/roles.js';
import { UI_LANGUAGES } from '../../../shared/roles.js';
import { openText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../cases/cases.service.js';
import type { JobHandler } from '../jobs/jobs.service.js';
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
  /** After the retention period, a withdrawn member's notes are erased (unless they rejoined meanwhile). */
  'peer.erase_notes': async (ctx, payload) => {
    await repo.actAsPeerSystem(ctx.db);
    const memberId = String(payload.memberId);
    const member = await repo.findMember(ctx.db, memberId);
    if (!member || member.status !== 'withdrawn' || member.notes_erased_at || !member.notes_erase_on) return;
    const now = ctx.clock.now();
    if (member.notes_erase_on > (await todayOf(ctx))) return;
    await repo.updateMember(ctx.db, memberId, { notes_enc: null, notes_erased_at: now, updated_at: now });
    await audit(ctx, {
      action: 'peer.notes_erase',
      entity: 'peer_member',
      entityId: memberId,
      changedFields: ['notes'],
    });
  },
};
