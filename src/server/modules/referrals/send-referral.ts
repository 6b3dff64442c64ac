import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Referral, ReferralSendSchema, Summary } from '../../../shared/referrals.schema.js';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { getConsentDates } from '../consent/consent.repository.js';
import { recordDisclosure } from './disclosures.service.js';
import * as repo from './referrals.repository.js';
import { buildSummary } from './summary.service.js';

import { assertMove, getReferral, toReferral } from './referrals.service.js';
import { caseConsents, consentRequired, sendCoverage } from './referral-coverage.js';

// Sending a referral — the moment case data leaves the helpline — and its preview, under exactly the same checks.

/**
 * Everything "send" checks before anything leaves: the case may be edited by this actor, the referral may
 * still be sent, an active written consent covers it (confirmed by a second person for the authorities).
 * The preview runs exactly this, so it can never show something that sending would refuse.
 */
async function assertSendable(ctx: Ctx, caseId: string, id: string, lock: boolean) {
  const { row: kase } = await loadCase(ctx, caseId, 'case.edit');
  const r = await getReferral(ctx, caseId, id, lock);
  assertMove(r.status, 'sent');
  const consents = await caseConsents(ctx, caseId);
  const { cov, awaitingConfirmation } = sendCoverage(consents, r);
  if (!cov.covered || !cov.consentId) throw consentRequired(cov);
  if (awaitingConfirmation) throw new AppError('confirmation_required');
  return { kase, r, consentId: cov.consentId, consents };
}

/**
 * Marks a referral sent: refused unless an active, written consent covers the partner (or its type), the
 * purpose and every category. The disclosure is logged in the same transaction. There is no way around it.
 */
export async function sendReferral(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ReferralSendSchema>,
): Promise<Referral> {
  const { r, consentId, consents } = await assertSendable(ctx, caseId, id, true);
  const actor = ctx.actor as Actor;
  await repo.updateReferral(ctx.db, id, {
    status: 'sent',
    channel: input.channel,
    consent_id: consentId,
    sent_at: ctx.clock.now(),
    sent_by: actor.userId,
  });
  await recordDisclosure(ctx, {
    caseId,
    kind: 'referral',
    referralId: id,
    partner: { id: r.partner_id, name: r.partner_name },
    categories: r.categories,
    channel: input.channel,
    basis: { consentId, purpose: r.purpose },
  });
  await recordReferralIntervention(ctx, caseId, r.purpose);
  await audit(ctx, {
    action: 'referral.send',
    entity: 'referral',
    entityId: id,
    changedFields: ['status', 'channel', 'consent_id'],
    details: { caseId, channel: input.channel },
  });
  return toReferral(ctx, await getReferral(ctx, caseId, id), consents);
}

/**
 * A sent referral is intervention I8 (to care) or I9 (to authorities) on the case, recorded for the counsellor
 * so the plan and the figures stay true without typing it twice. Other purposes are not interventions.
 */
async function recordReferralIntervention(
  ctx: Ctx,
  caseId: string,
  purpose: Referral['purpose'],
): Promise<void> {
  const code = purpose === 'care_referral' ? 'I8' : purpose === 'authority_referral' ? 'I9' : null;
  if (!code) return;
  const termId = await repo.findActiveInterventionId(ctx.db, code);
  if (!termId) return;
  const id = randomUUID();
  await repo.insertCaseIntervention(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    case_id: caseId,
    intervention_id: termId,
    occurred_on: await todayOf(ctx),
    note_enc: null,
    recorded_by: (ctx.actor as Actor).userId,
    created_at: ctx.clock.now(),
  });
  await audit(ctx, {
    action: 'case.intervention_add',
    entity: 'case_intervention',
    entityId: id,
    changedFields: ['intervention_id', 'occurred_on'],
    details: { caseId, cause: 'referral_sent' },
  });
}

/**
 * What sending this referral would hand over, before it is sent: the same summary, under exactly the checks
 * of `sendReferral`. It proposes, sends and records nothing (only the look itself goes to the access log).
 */
export async function previewReferral(
  ctx: Ctx,
  caseId: string,
  id: string,
  language: FormLanguage = 'nl',
): Promise<Summary> {
  const { kase, r, consentId } = await assertSendable(ctx, caseId, id, false);
  const consent = await getConsentDates(ctx.db, consentId);
  await recordAccess(ctx, { entity: 'referral', entityId: id, purpose: 'preview' });
  return buildSummary(ctx, {
    kase: kase,
    categories: r.categories,
    recipient: r.partner_name,
    purpose: r.purpose,
    basis: { kind: 'consent', consentId, givenOn: consent.given_on, validUntil: consent.valid_until },
    language,
  });
}
