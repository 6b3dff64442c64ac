import type { z } from 'zod';
import type { Consent, ConsentSignSchema } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { completeSystemTasks } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { authorizeConfirmTypedSignature } from './consent.policy.js';
import * as repo from './consent.repository.js';
import {
  askConfirmation,
  consentForChange,
  getConsent,
  signatureColumns,
  signatureOf,
  typedFacts,
} from './consent.service.js';
import { scopeOf } from './record-consent.js';

/** Signing a pending consent in the app, and the coordinator's confirmation of a typed signature. */

/** Makes a pending consent written with an in-app signature. */
export async function signConsent(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ConsentSignSchema> & { device: string },
): Promise<Consent> {
  const row = await consentForChange(ctx, caseId, id);
  if (row.written_on) throw new AppError('invalid_transition', 'This consent is already written');
  const signature = await signatureOf(input);
  await repo.updateConsent(ctx.db, id, {
    written_on: await todayOf(ctx),
    method: input.method,
    ...(await signatureColumns(ctx, id, signature)),
  });
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.sign',
    entity: 'consent',
    entityId: id,
    changedFields: ['written_on', 'method', 'signature'],
    details: { caseId, method: input.method },
  });
  if (signature.evidence)
    await askConfirmation(
      ctx,
      caseId,
      await scopeOf(ctx, { purpose: row.purpose, partnerId: row.partner_id, partnerType: row.partner_type }),
    );
  return getConsent(ctx, caseId, id);
}

/**
 * The second pair of eyes on a typed-name signature: a coordinator who did not take it confirms, having
 * checked the evidence (and, where needed, with the caller). Until then nothing based on it goes to the
 * authorities.
 */
export async function confirmTypedSignature(ctx: Ctx, caseId: string, id: string): Promise<Consent> {
  await loadCase(ctx, caseId, 'case.view');
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  authorizeConfirmTypedSignature(ctx.actor, typedFacts(row));
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was withdrawn');
  const actor = ctx.actor as Actor;
  if (!(await repo.confirmTypedSignature(ctx.db, id, { userId: actor.userId, at: ctx.clock.now() })))
    throw new AppError('conflict', 'This signature was confirmed already');
  await audit(ctx, {
    action: 'consent.confirm_typed',
    entity: 'consent',
    entityId: id,
    changedFields: ['typed_confirmed_by', 'typed_confirmed_at'],
    details: { caseId },
  });
  return getConsent(ctx, caseId, id);
}
