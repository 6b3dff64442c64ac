import type { z } from 'zod';
import type { Consent, ConsentWithdrawSchema } from '../../../shared/consent.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { completeSystemTasks } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { afterConsentWithdrawn } from '../referrals/referrals.service.js';
import { afterCallerConsentWithdrawn } from '../peers/peer-links.service.js';
import * as repo from './consent.repository.js';
import { getConsent } from './consent.service.js';

/** Withdrawing a consent, and what follows from it for referrals and peer links. */

/**
 * Withdrawal is immediate and possible at any time, also on a closed case: from now on the consent covers
 * nothing; pending referrals that relied on it are cancelled and, if partners were already reached, a task
 * is created to inform them.
 */
export async function withdrawConsent(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ConsentWithdrawSchema>,
): Promise<{ consent: Consent; cancelledReferrals: string[]; informTaskId: string | null }> {
  const { row: kase } = await loadCase(ctx, caseId, 'case.view');
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was already withdrawn');
  const today = await todayOf(ctx);
  const withdrawnOn = input.withdrawnOn ?? today;
  if (withdrawnOn > today)
    throw invalidField('withdrawnOn', 'in_future', 'A withdrawal cannot be dated in the future');
  await repo.updateConsent(ctx.db, id, {
    withdrawn_on: withdrawnOn,
    withdrawn_at: ctx.clock.now(),
    withdrawal_note_enc: input.note
      ? await sealText(ctx, 'consents', 'withdrawal_note', id, input.note)
      : null,
  });
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.withdraw',
    entity: 'consent',
    entityId: id,
    changedFields: ['withdrawn_on', 'withdrawal_note'],
    details: { caseId },
  });
  const effects = await afterConsentWithdrawn(ctx, {
    caseId,
    consentId: id,
    counsellorId: kase.counsellor_id,
  });
  await afterCallerConsentWithdrawn(ctx, id);
  return { consent: await getConsent(ctx, caseId, id), ...effects };
}
