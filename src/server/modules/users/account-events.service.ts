import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '../../../shared/four-eyes.schema.js';
import type { Role } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { queueNotice } from '../notifications/notifications.service.js';
import * as repo from './account-events.repository.js';
import { authorizeUser } from './users.policy.js';
import type { AccountEventKind } from './users.table.js';

/**
 * Records an account change one person made to another's account, and tells every active admin and privacy
 * officer (an in-app alert, and an e-mail without content when SMTP is set) — except the one who made it.
 * Call it in the transaction of the change.
 */
export async function recordAccountEvent(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  input: { subjectId: string; kind: AccountEventKind; fromRole?: Role | null; toRole?: Role | null },
): Promise<void> {
  const now = ctx.clock.now();
  const id = randomUUID();
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  await repo.insertAccountEvent(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    at: now,
    actor_id: actorId,
    subject_id: input.subjectId,
    kind: input.kind,
    from_role: input.fromRole ?? null,
    to_role: input.toRole ?? null,
  });
  const watchers = (await repo.accountWatcherIds(ctx.db, ctx.actor.orgId)).filter((w) => w !== actorId);
  await repo.insertAccountAlerts(
    ctx.db,
    watchers.map((userId) => ({
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      user_id: userId,
      account_event_id: id,
      created_at: now,
    })),
  );
  for (const userId of watchers) await queueNotice(ctx, userId, 'account_change', id);
}

export function toAccountEvent(r: repo.AccountEventRow): AccountEvent {
  return {
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    subject: { id: r.subject_id, name: r.subject_name, role: r.subject_role },
    fromRole: r.from_role,
    toRole: r.to_role,
  };
}

/** The signed-in admin's or privacy officer's unread alerts about account changes. */
export async function accountAlerts(ctx: Ctx) {
  authorizeUser(ctx.actor, 'user.account_alerts');
  const rows = await repo.listAccountAlerts(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      event: toAccountEvent(r.event),
    })),
  };
}
