import type { Reach } from '../../../shared/matching.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import * as repo from './matching.repository.js';
import { failedFilter, type CaseNeeds } from './matching.score.js';

/*
 * What the cases module needs from matching (may this counsellor take the case, withdraw pending offers),
 * apart from matching.service, which itself loads cases through cases.service: importing these from here keeps
 * the two services out of an import circle. Nothing here may import from modules/cases.
 */

/** How far matching looks for one shortlist or offer, and whether an interpreter is acceptable. */
export interface Widening {
  reach: Reach;
  interpreter: boolean;
}
export const STRICT: Widening = { reach: 'region', interpreter: false };

/** The case's needs, with the caller's stated background preference opened. */
export async function needsOf(
  ctx: Ctx,
  caseId: string,
  widening: Widening = STRICT,
): Promise<(CaseNeeds & { municipalityName: string }) | undefined> {
  const row = await repo.findCaseNeeds(ctx.db, ctx.actor.orgId, caseId);
  if (!row) return undefined;
  const { prefBackgroundEnc, ...needs } = row;
  return {
    ...needs,
    ...widening,
    prefBackgroundId: prefBackgroundEnc
      ? await openText(ctx, 'cases', 'pref_background', caseId, prefBackgroundEnc)
      : null,
  };
}

/** Throws unless the counsellor passes every hard filter for this case now. No override exists. */
export async function assertEligible(
  ctx: Ctx,
  caseId: string,
  counsellorId: string,
  widening: Widening = STRICT,
): Promise<void> {
  const needs = await needsOf(ctx, caseId, widening);
  const [candidate] = await repo.listCandidates(ctx.db, ctx.actor.orgId, await todayOf(ctx), caseId, [
    counsellorId,
  ]);
  const fails = !needs || !candidate ? 'active' : failedFilter(candidate, needs);
  if (fails) {
    throw new AppError('validation_failed', `This counsellor does not pass the "${fails}" filter`, {
      errors: [{ field: 'counsellorId', reason: `filter_${fails}`, message: `Fails the ${fails} filter` }],
    });
  }
}

/** Withdraws every pending offer of a case (a new offer, direct assignment, closing or reopening it). */
export async function withdrawPendingOffers(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  caseId: string,
): Promise<void> {
  const withdrawn = await repo.withdrawPendingOffers(ctx.db, caseId, ctx.clock.now());
  for (const id of withdrawn) {
    await audit(ctx, {
      action: 'offer.withdraw',
      entity: 'case_offer',
      entityId: id,
      changedFields: ['status'],
      details: { caseId },
    });
  }
}
