import {
  NOTIFICATION_LIST_LIMIT,
  type NotificationList,
  type UnreadCount,
} from '../../../shared/notifications.schema.js';
import type { UiLanguage } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { audit } from '../audit/audit.service.js';
import { enqueue, type JobHandler } from '../jobs/jobs.service.js';
import { authorizeNotification } from './notifications.policy.js';
import * as repo from './notifications.repository.js';

export type NoticeKind = 'offer' | 'task_due' | 'offer_expired' | 'approval_needed' | 'account_change';

/**
 * E-mails say only that there is something to look at, with a link: never a case reference, a name or any
 * case content (DESIGN.md, red lines). The text is in the recipient's language.
 */
const TEMPLATES: Record<UiLanguage, Record<NoticeKind, { subject: string; text: string }>> = {
  nl: {
    offer: { subject: 'Confidant: er is een casus voor u', text: 'Er wacht een aanbod op uw antwoord.' },
    task_due: { subject: 'Confidant: u heeft een taak', text: 'Er staat een taak voor u klaar.' },
    offer_expired: {
      subject: 'Confidant: een aanbod is verlopen',
      text: 'Een aanbod is niet op tijd beantwoord en wacht op een nieuwe koppeling.',
    },
    approval_needed: {
      subject: 'Confidant: een tweede akkoord is nodig',
      text: 'Een collega vraagt dringend om uw beoordeling. Meld u aan om te kijken.',
    },
    account_change: {
      subject: 'Confidant: een account is gewijzigd',
      text: 'Een account in uw organisatie is uitgenodigd of gewijzigd. Meld u aan om te kijken.',
    },
  },
  en: {
    offer: { subject: 'Confidant: a case for you', text: 'An offer is waiting for your answer.' },
    task_due: { subject: 'Confidant: you have a task', text: 'A task is waiting for you.' },
    offer_expired: {
      subject: 'Confidant: an offer expired',
      text: 'An offer was not answered in time and needs a new match.',
    },
    approval_needed: {
      subject: 'Confidant: a second approval is needed',
      text: 'A colleague urgently asks for your review. Sign in to look.',
    },
    account_change: {
      subject: 'Confidant: an account was changed',
      text: 'An account in your organisation was invited or changed. Sign in to look.',
    },
  },
  ar: {
    offer: { subject: 'Confidant: هناك حالة لك', text: 'هناك عرض ينتظر ردك.' },
    task_due: { subject: 'Confidant: لديك مهمة', text: 'هناك مهمة بانتظارك.' },
    offer_expired: {
      subject: 'Confidant: انتهت صلاحية عرض',
      text: 'لم يتم الرد على عرض في الوقت المحدد ويحتاج إلى مطابقة جديدة.',
    },
    approval_needed: {
      subject: 'Confidant: مطلوب موافقة ثانية',
      text: 'يطلب منك زميل المراجعة بشكل عاجل. سجّل الدخول للاطلاع.',
    },
    account_change: {
      subject: 'Confidant: تم تغيير حساب',
      text: 'تمت دعوة حساب في منظمتك أو تغييره. سجّل الدخول للاطلاع.',
    },
  },
  tr: {
    offer: { subject: 'Confidant: size bir vaka var', text: 'Bir teklif yanıtınızı bekliyor.' },
    task_due: { subject: 'Confidant: bir göreviniz var', text: 'Sizi bekleyen bir görev var.' },
    offer_expired: {
      subject: 'Confidant: bir teklifin süresi doldu',
      text: 'Bir teklif zamanında yanıtlanmadı ve yeni bir eşleştirme bekliyor.',
    },
    approval_needed: {
      subject: 'Confidant: ikinci bir onay gerekiyor',
      text: 'Bir meslektaşınız acilen değerlendirmenizi istiyor. Bakmak için oturum açın.',
    },
    account_change: {
      subject: 'Confidant: bir hesap değiştirildi',
      text: 'Kuruluşunuzda bir hesap davet edildi veya değiştirildi. Bakmak için oturum açın.',
    },
  },
};

function composeNotice(
  language: UiLanguage,
  kind: NoticeKind,
  url: string,
): { subject: string; text: string } {
  const t = TEMPLATES[language][kind];
  return { subject: t.subject, text: `${t.text}\n\n${url}\n` };
}

/** Queues an e-mail notice (sent by a job, so a slow or absent mail server never blocks the request). */
export async function queueNotice(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  userId: string,
  kind: NoticeKind,
  key: string,
): Promise<void> {
  await enqueue(ctx, {
    kind: 'email.notice',
    payload: { userId, kind },
    runAt: ctx.clock.now(),
    dedupeKey: `email.notice:${kind}:${key}:${userId}`,
  });
}

export const notificationJobHandlers: Record<string, JobHandler> = {
  'email.notice': async (ctx, payload) => {
    if (!ctx.mailer) return; // SMTP not configured: the in-app alert is the notice.
    const user = await repo.findNoticeRecipient(ctx.db, String(payload.userId));
    if (!user || user.status !== 'active') return;
    const message = composeNotice(
      user.language,
      payload.kind as NoticeKind,
      ctx.publicUrl ?? 'http://localhost:3000',
    );
    await ctx.mailer.send({ to: user.email, ...message });
  },
};

/** The signed-in user's own notifications, newest first, with how many are unread. */
export async function listNotifications(ctx: Ctx): Promise<NotificationList> {
  authorizeNotification(ctx.actor, 'notification.list');
  const { orgId, userId } = ctx.actor;
  const [rows, unread] = await Promise.all([
    repo.listForUser(ctx.db, orgId, userId, NOTIFICATION_LIST_LIMIT),
    repo.countUnread(ctx.db, orgId, userId),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseId: r.case_id,
      caseReference: r.reference,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    })),
    unread,
  };
}

/** The number in the navigation; polled, so it reads one partial index and nothing else. */
export async function unreadCount(ctx: Ctx): Promise<UnreadCount> {
  authorizeNotification(ctx.actor, 'notification.list');
  return { unread: await repo.countUnread(ctx.db, ctx.actor.orgId, ctx.actor.userId) };
}

/** Marks all of the user's own notifications read (audited with the count, nothing else). */
export async function markAllNotificationsRead(ctx: Ctx): Promise<UnreadCount> {
  authorizeNotification(ctx.actor, 'notification.read');
  const n = await repo.markAllRead(ctx.db, ctx.actor.orgId, ctx.actor.userId, ctx.clock.now());
  if (n > 0)
    await audit(ctx, {
      action: 'notification.read_all',
      entity: 'user',
      entityId: ctx.actor.userId,
      changedFields: ['read_at'],
      details: { count: n },
    });
  return { unread: 0 };
}
