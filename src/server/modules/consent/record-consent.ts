import { randomUUID } from 'node:crypto';
import type { Consent, ConsentCreate } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, addMonths } from '../../lib/dates.js';
import { invalidField } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { addSystemTask } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { consentSettings } from '../organisations/organisations.service.js';
import { findPartnerType, isActivePartner } from '../partners/partners.repository.js';
import * as repo from './consent.repository.js';
import { askConfirmation, getConsent, signatureColumns, signatureOf } from './consent.service.js';

/** Recording a consent on a case: verbal, typed or drawn, once per request id. */

/**
 * Records the caller's consent. Written at once with an in-app signature; "pending written" when verbal
 * (a task is due within the organisation's days) or while the signed form is not uploaded yet.
 */
export const createConsent = idempotent(
  'consent',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: ConsentCreate & { device: string }, { row: kase }) => {
    const actor = ctx.actor as Actor;
    const today = await todayOf(ctx);
    if ((input.partnerId === null) === (input.partnerType === null))
      throw invalidField('partnerId', 'partner_or_type', 'Choose one partner, or a partner type');
    if (input.partnerId) {
      if (!(await isActivePartner(ctx.db, input.partnerId)))
        throw invalidField('partnerId', 'unknown_partner', 'Choose a partner from the directory');
    }
    if (input.givenOn > today)
      throw invalidField('givenOn', 'in_future', 'Consent cannot be given in the future');
    const settings = await consentSettings(ctx);
    const longest = addMonths(input.givenOn, settings.validMonths);
    const validUntil = input.validUntil ?? longest;
    if (validUntil > longest)
      throw invalidField(
        'validUntil',
        'too_long',
        `Consent runs at most ${settings.validMonths} months here (until ${longest}); ask again after that`,
      );
    if (validUntil < input.givenOn)
      throw invalidField('validUntil', 'before_given', 'Valid until must be after the date given');
    const signature = await signatureOf(input);
    const written = input.method === 'signature_typed' || input.method === 'signature_drawn';
    const id = randomUUID();
    const writtenDueOn = written ? null : addDays(input.givenOn, settings.writtenDays);
    await repo.insertConsent(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      given_by_enc: await sealText(ctx, 'consents', 'given_by', id, input.givenBy),
      categories: [...new Set(input.categories)],
      partner_id: input.partnerId,
      partner_type: input.partnerType,
      purpose: input.purpose,
      purpose_note_enc: input.purposeNote
        ? await sealText(ctx, 'consents', 'purpose_note', id, input.purposeNote)
        : null,
      method: input.method,
      language: input.language,
      given_on: input.givenOn,
      valid_until: validUntil,
      written_on: written ? today : null,
      written_due_on: writtenDueOn,
      ...(await signatureColumns(ctx, id, signature)),
      recorded_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    if (writtenDueOn)
      await addSystemTask(ctx, {
        caseId,
        kind: 'consent_written',
        title: input.givenBy,
        dueOn: writtenDueOn,
        assigneeId: kase.counsellor_id ?? actor.userId,
        refId: id,
      });
    await audit(ctx, {
      action: 'consent.record',
      entity: 'consent',
      entityId: id,
      changedFields: ['given_by', 'categories', 'partner', 'purpose', 'method', 'given_on', 'valid_until'],
      details: {
        caseId,
        method: input.method,
        purpose: input.purpose,
        categories: input.categories.join(','),
      },
    });
    if (signature.evidence) await askConfirmation(ctx, caseId, await scopeOf(ctx, input));
    return { id };
  },
);

/** The purpose and partner type a consent names (the type of its partner, when it names one). */
export async function scopeOf(
  ctx: Ctx,
  c: { purpose: ConsentCreate['purpose']; partnerId: string | null; partnerType: string | null },
) {
  if (!c.partnerId) return { purpose: c.purpose, partnerType: c.partnerType };
  return { purpose: c.purpose, partnerType: (await findPartnerType(ctx.db, c.partnerId)) ?? null };
}

export async function recordConsent(
  ctx: Ctx,
  caseId: string,
  input: ConsentCreate & { device: string },
): Promise<Consent> {
  // Checked here too: a retried request id must not return a record to someone who may not see it.
  await loadCase(ctx, caseId, 'case.edit');
  const { id } = await createConsent(ctx, caseId, input);
  return getConsent(ctx, caseId, id);
}
