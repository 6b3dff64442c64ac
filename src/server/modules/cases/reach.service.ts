import { ChannelSchema } from '../../../shared/cases.schema.js';
import type { CasePhone, CaseReach } from '../../../shared/reach.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, openText } from '../../lib/fields.js';
import { recordAccess } from '../audit/audit.service.js';
import { loadCase } from './cases.service.js';
import * as repo from './reach.repository.js';

/**
 * How to reach the family: callback preferences of the latest call, for the assigned counsellor and the
 * coordinators (with the usual reason for someone else's case). The phone number is not part of it.
 */
export async function getReach(ctx: Ctx, caseId: string): Promise<CaseReach> {
  const { row, grant } = await loadCase(ctx, caseId, 'case.reach');
  await recordAccess(ctx, {
    entity: 'case',
    entityId: caseId,
    purpose: 'reach',
    reason: grant ? 'granted' : null,
  });
  const [caller, callback] = await Promise.all([
    repo.findCallerOf(ctx.db, row.caller_id),
    repo.findLatestCallback(ctx.db, caseId),
  ]);
  return {
    hasPhone: !!caller?.phone_enc,
    mayCallBack: callback?.may_call_back ?? null,
    mayLeaveMessage: callback?.may_leave_message ?? null,
    safeTimes: callback
      ? await openOptional(ctx, 'contacts', 'safe_times', callback.id, callback.safe_times_enc)
      : '',
    safeChannel: ChannelSchema.safeParse(callback?.safe_channel).data ?? null,
    language: callback?.language ?? caller?.language ?? '',
  };
}

/** The phone number, decrypted only for this request, which goes to the access log as its own purpose. */
export async function revealPhone(ctx: Ctx, caseId: string): Promise<CasePhone> {
  const { row, grant } = await loadCase(ctx, caseId, 'case.reach');
  const caller = await repo.findCallerOf(ctx.db, row.caller_id);
  if (!caller?.phone_enc) throw new AppError('not_found', 'No phone number on file');
  await recordAccess(ctx, {
    entity: 'case',
    entityId: caseId,
    purpose: 'reveal_phone',
    reason: grant ? 'granted' : null,
  });
  return { phone: await openText(ctx, 'callers', 'phone', caller.id, caller.phone_enc) };
}
