import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Referral,
  ReferralCancelSchema,
  ReferralCreateSchema,
  ReferralRespondSchema,
  ReferralStatus,
  Summary,
} from '../../../shared/referrals.schema.js';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import { REFERRAL_MOVES, REFERRAL_TRANSITIONS } from '../../../shared/referrals.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { openOptional, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { addSystemTask } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { coverage } from '../consent/consent.coverage.js';
import { getConsentDates } from '../consent/consent.repository.js';
import { alertUser } from '../cases/alerts.service.js';
import { isActivePartner } from '../partners/partners.repository.js';
import * as repo from './referrals.repository.js';
import type { ReferralRow } from './referrals.repository.js';
import { renderSummaryPdf } from './summary-pdf.js';
import { buildSummary } from './summary.service.js';
import { caseConsents, consentRequired, sendCoverage, type CaseConsents } from './referral-coverage.js';

export async function toReferral(ctx: Ctx, r: ReferralRow, consents: CaseConsents): Promise<Referral> {
  const { cov, awaitingConfirmation } = sendCoverage(consents, r);
  return {
    id: r.id,
    caseId: r.case_id,
    partner: { id: r.partner_id, name: r.partner_name, type: r.partner_type },
    purpose: r.purpose,
    categories: r.categories,
    note: await openOptional(ctx, 'referrals', 'note', r.id, r.note_enc),
    status: r.status,
    allowedMoves: REFERRAL_MOVES.filter(
      (to) =>
        REFERRAL_TRANSITIONS[r.status].includes(to) &&
        (to !== 'sent' || (cov.covered && !awaitingConfirmation)),
    ),
    channel: r.channel,
    consentId: r.consent_id,
    coverage: cov,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason_enc
      ? await openOptional(ctx, 'referrals', 'cancel_reason', r.id, r.cancel_reason_enc)
      : null,
    cancelCause: r.cancel_cause,
    awaitingConfirmation: r.status === 'proposed' && awaitingConfirmation,
    responseNote: await openOptional(ctx, 'referrals', 'response_note', r.id, r.response_note_enc),
  };
}

/** With `lock`, concurrent changes to one referral queue (a double-clicked "send" discloses once). */
export async function getReferral(ctx: Ctx, caseId: string, id: string, lock = false): Promise<ReferralRow> {
  if (lock) await repo.lockReferral(ctx.db, id);
  const row = await repo.findReferral(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such referral');
  return row;
}

/** The referral as the API shows it, after a change. */
export async function referralNow(ctx: Ctx, caseId: string, id: string): Promise<Referral> {
  const row = await getReferral(ctx, caseId, id);
  return toReferral(ctx, row, await caseConsents(ctx, caseId));
}

export async function listReferrals(
  ctx: Ctx,
  caseId: string,
): Promise<{ items: Referral[]; canManage: boolean }> {
  const { row } = await loadCase(ctx, caseId, 'case.view');
  const rows = await repo.listReferrals(ctx.db, caseId);
  const consents = await caseConsents(ctx, caseId);
  return {
    items: await Promise.all(rows.map((r) => toReferral(ctx, r, consents))),
    canManage: row.state !== 'closed',
  };
}

/** Proposing discloses nothing yet, so it needs no consent; sending does. */
export const createReferral = idempotent(
  'referral',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: z.infer<typeof ReferralCreateSchema>) => {
    const actor = ctx.actor as Actor;
    if (!(await isActivePartner(ctx.db, input.partnerId)))
      throw invalidField('partnerId', 'unknown_partner', 'Choose a partner from the directory');
    const id = randomUUID();
    await repo.insertReferral(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      partner_id: input.partnerId,
      purpose: input.purpose,
      categories: [...new Set(input.categories)],
      note_enc: input.note ? await sealText(ctx, 'referrals', 'note', id, input.note) : null,
      status: 'proposed',
      created_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'referral.propose',
      entity: 'referral',
      entityId: id,
      changedFields: ['partner_id', 'purpose', 'categories', 'note'],
      details: { caseId },
    });
    return { id };
  },
);

export async function proposeReferral(
  ctx: Ctx,
  caseId: string,
  input: z.infer<typeof ReferralCreateSchema>,
): Promise<Referral> {
  await loadCase(ctx, caseId, 'case.edit');
  const { id } = await createReferral(ctx, caseId, input);
  return referralNow(ctx, caseId, id);
}

export function assertMove(from: ReferralStatus, to: ReferralStatus): void {
  if (!(REFERRAL_TRANSITIONS[from] as readonly ReferralStatus[]).includes(to))
    throw new AppError('invalid_transition', `A ${from} referral cannot become ${to}`);
}

/** The partner's answer (accepted / declined) and, later, completion. */
export async function respondReferral(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ReferralRespondSchema>,
): Promise<Referral> {
  await loadCase(ctx, caseId, 'case.edit');
  const r = await getReferral(ctx, caseId, id, true);
  assertMove(r.status, input.outcome);
  const closes = input.outcome !== 'accepted';
  const note = input.note.trim();
  await repo.updateReferral(ctx.db, id, {
    status: input.outcome,
    ...(closes ? { closed_at: ctx.clock.now() } : {}),
    // The latest answer's note; an answer without one keeps the earlier note.
    ...(note ? { response_note_enc: await sealText(ctx, 'referrals', 'response_note', id, note) } : {}),
  });
  await audit(ctx, {
    action: `referral.${input.outcome}`,
    entity: 'referral',
    entityId: id,
    changedFields: note ? ['status', 'response_note'] : ['status'],
    details: { caseId },
  });
  return referralNow(ctx, caseId, id);
}

/** Cancels a referral that is still in one of the `from` states; says whether it did. */
async function cancel(
  ctx: Ctx,
  id: string,
  cause: { kind: 'manual'; reason: string } | { kind: 'consent_withdrawn' },
  at: Date,
  from: readonly ReferralStatus[],
): Promise<boolean> {
  return repo.updateReferralIfIn(ctx.db, id, from, {
    status: 'cancelled',
    closed_at: at,
    cancel_cause: cause.kind,
    cancel_reason_enc:
      cause.kind === 'manual' ? await sealText(ctx, 'referrals', 'cancel_reason', id, cause.reason) : null,
  });
}

export async function cancelReferral(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ReferralCancelSchema>,
): Promise<Referral> {
  await loadCase(ctx, caseId, 'case.edit');
  const r = await getReferral(ctx, caseId, id, true);
  assertMove(r.status, 'cancelled');
  await cancel(ctx, id, { kind: 'manual', reason: input.reason }, ctx.clock.now(), [r.status]);
  await audit(ctx, {
    action: 'referral.cancel',
    entity: 'referral',
    entityId: id,
    changedFields: ['status', 'cancel_reason'],
    details: { caseId },
  });
  return referralNow(ctx, caseId, id);
}

/**
 * After a withdrawal: every proposed referral the consent covered, and that no other active consent covers,
 * is cancelled; if the consent was used to reach partners, the counsellor gets a task to tell them.
 */
export async function afterConsentWithdrawn(
  ctx: Ctx,
  input: { caseId: string; consentId: string; counsellorId: string | null },
): Promise<{ cancelledReferrals: string[]; informTaskId: string | null }> {
  const pending = await repo.listProposedReferrals(ctx.db, input.caseId);
  const { facts, today } = await caseConsents(ctx, input.caseId);
  const withdrawn = facts.filter((f) => f.id === input.consentId).map((f) => ({ ...f, withdrawn: false }));
  const cancelled: string[] = [];
  const proposers = new Set<string>();
  const now = ctx.clock.now();
  for (const r of pending) {
    const need = {
      partnerId: r.partner_id,
      partnerType: r.partner_type,
      purpose: r.purpose,
      categories: r.categories,
      on: today,
    };
    if (!coverage(withdrawn, need).covered || coverage(facts, need).covered) continue;
    // Only while still proposed: a send that won the race stays sent (and its partner is informed below).
    if (!(await cancel(ctx, r.id, { kind: 'consent_withdrawn' }, now, ['proposed']))) continue;
    await audit(ctx, {
      action: 'referral.cancel',
      entity: 'referral',
      entityId: r.id,
      changedFields: ['status'],
      details: { caseId: input.caseId, cause: 'consent_withdrawn' },
    });
    cancelled.push(r.id);
    if (r.created_by) proposers.add(r.created_by);
  }
  // Nobody else learns of it otherwise: the case's counsellor and whoever proposed it get an alert.
  if (cancelled.length) {
    if (input.counsellorId) proposers.add(input.counsellorId);
    if (ctx.actor.kind === 'user') proposers.delete(ctx.actor.userId);
    for (const userId of proposers) await alertUser(ctx, userId, 'referral_cancelled', input.caseId);
  }
  const reached = await repo.listRecipientsUnderConsent(ctx.db, input.consentId);
  let informTaskId: string | null = null;
  if (reached.length) {
    informTaskId = await addSystemTask(ctx, {
      caseId: input.caseId,
      kind: 'inform_partners',
      title: reached.join(', '),
      dueOn: addDays(today, 2),
      assigneeId: input.counsellorId ?? (ctx.actor.kind === 'user' ? ctx.actor.userId : null),
      refId: input.consentId,
    });
  }
  return { cancelledReferrals: cancelled, informTaskId };
}

async function coveredReferral(ctx: Ctx, caseId: string, id: string) {
  const { row: kase } = await loadCase(ctx, caseId, 'case.view');
  const r = await getReferral(ctx, caseId, id);
  if (r.status === 'cancelled' || r.status === 'declined')
    throw new AppError('invalid_transition', `The referral is ${r.status}`);
  const { cov, awaitingConfirmation } = sendCoverage(await caseConsents(ctx, caseId), r);
  if (!cov.covered || !cov.consentId) throw consentRequired(cov);
  if (awaitingConfirmation) throw new AppError('confirmation_required');
  const consent = await getConsentDates(ctx.db, cov.consentId);
  return { kase, r, consentId: cov.consentId, consent };
}

/**
 * The referral's summary: produced only while an active consent covers it, with exactly the referral's
 * categories (which that consent includes). Each production is in the access log.
 */
export async function referralSummary(
  ctx: Ctx,
  caseId: string,
  id: string,
  language: FormLanguage = 'nl',
): Promise<Summary> {
  const { kase, r, consentId, consent } = await coveredReferral(ctx, caseId, id);
  await recordAccess(ctx, { entity: 'referral', entityId: id, purpose: 'summary' });
  return buildSummary(ctx, {
    kase: kase,
    categories: r.categories,
    recipient: r.partner_name,
    purpose: r.purpose,
    basis: { kind: 'consent', consentId, givenOn: consent.given_on, validUntil: consent.valid_until },
    language,
  });
}

export async function referralSummaryPdf(
  ctx: Ctx,
  caseId: string,
  id: string,
  language: FormLanguage,
): Promise<Buffer> {
  return renderSummaryPdf(await referralSummary(ctx, caseId, id, language), language);
}
