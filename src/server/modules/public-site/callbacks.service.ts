import type { CallbackClose, CallbackDetail, CallbackItem } from '../../../shared/public-site.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, openText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { authorizePublicSite } from './public-site.policy.js';
import * as repo from './public-site.repository.js';

/**
 * How long an open request may wait without a contact before the queue flags it for closing. The purge job
 * (callbacks.jobs.ts) deletes handled requests at its next run and unanswered ones after the organisation's
 * retention period (at least 30 days, so a flagged request is still there to be closed).
 */
export const CALLBACK_RETENTION_DAYS = 30;
const QUEUE_LIMIT = 200;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findCallback>>>;

async function toItem(
  ctx: Ctx,
  r: Omit<Row, 'phone_enc' | 'question_enc' | 'close_reason' | 'contact_id'>,
): Promise<CallbackItem> {
  return {
    id: r.id,
    createdAt: r.created_at.toISOString(),
    language: r.language,
    alias: await openText(ctx, 'callback_requests', 'alias', r.id, r.alias_enc),
    safeTimes: await openText(ctx, 'callback_requests', 'safe_times', r.id, r.safe_times_enc),
    mayLeaveMessage: r.may_leave_message,
    status: r.status,
    overdue:
      r.status === 'open' &&
      ctx.clock.now().getTime() - r.created_at.getTime() > CALLBACK_RETENTION_DAYS * 86_400_000,
  };
}

/** The coordinators' queue of open requests, oldest first; the route logs the read of the queue. */
export async function listCallbacks(ctx: Ctx): Promise<{ items: CallbackItem[] }> {
  authorizePublicSite(ctx.actor, 'callback.list');
  const rows = await repo.openCallbacks(ctx.db, ctx.actor.orgId, QUEUE_LIMIT);
  return { items: await Promise.all(rows.map((r) => toItem(ctx, r))) };
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  const row = await repo.findCallback(ctx.db, id);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such callback request');
  return row;
}

/** One request with its phone number and question; the route logs the read. */
export async function openCallback(ctx: Ctx, id: string): Promise<CallbackDetail> {
  authorizePublicSite(ctx.actor, 'callback.open');
  const row = await load(ctx, id);
  return {
    ...(await toItem(ctx, row)),
    phone: await openText(ctx, 'callback_requests', 'phone', id, row.phone_enc),
    question: await openOptional(ctx, 'callback_requests', 'question', id, row.question_enc),
    closeReason: row.close_reason,
    contactId: row.contact_id,
  };
}

/** Closes a request without a contact (unreachable, withdrawn, …); the reason is a code, never free text. */
export async function closeCallback(ctx: Ctx, id: string, input: CallbackClose): Promise<CallbackDetail> {
  authorizePublicSite(ctx.actor, 'callback.close');
  await load(ctx, id);
  const done = await repo.finishCallback(
    ctx.db,
    id,
    { status: 'closed', close_reason: input.reason, contact_id: null },
    ctx.actor.userId,
    ctx.clock.now(),
  );
  if (!done) throw new AppError('conflict', 'This request was already handled');
  await audit(ctx, {
    action: 'callback.close',
    entity: 'callback_request',
    entityId: id,
    changedFields: ['status', 'close_reason'],
    details: { reason: input.reason },
  });
  return openCallback(ctx, id);
}

/**
 * Marks a request done by the contact the intake form just saved from it, in the intake's transaction. A
 * request already handled (or of another organisation) refuses the intake: nothing is saved twice.
 */
export async function completeCallback(ctx: Ctx, id: string, contactId: string): Promise<void> {
  authorizePublicSite(ctx.actor, 'callback.complete');
  const row = await repo.findCallback(ctx.db, id);
  const refuse = () =>
    new AppError('validation_failed', 'This callback request is no longer open', {
      errors: [
        {
          field: 'callbackId',
          reason: 'callback_not_open',
          message: 'This callback request is no longer open',
        },
      ],
    });
  if (!row || row.org_id !== ctx.actor.orgId) throw refuse();
  const done = await repo.finishCallback(
    ctx.db,
    id,
    { status: 'done', close_reason: null, contact_id: contactId },
    ctx.actor.userId,
    ctx.clock.now(),
  );
  if (!done) throw refuse();
  await audit(ctx, {
    action: 'callback.complete',
    entity: 'callback_request',
    entityId: id,
    changedFields: ['status', 'contact_id'],
    details: { contactId },
  });
}
