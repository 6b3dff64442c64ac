import type { Coverage } from '../../../shared/referrals.schema.js';
import { isAuthorityDisclosure } from '../../../shared/consent.schema.js';
import type { Ctx } from '../../lib/context.js';
import { type Day } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { todayOf } from '../organisations/today.js';
import { coverage, type ConsentFacts } from '../consent/consent.coverage.js';
import { consentFactsForDisclosure } from '../consent/consent.repository.js';
import type { ReferralRow } from './referrals.repository.js';

// Which written consent covers sending a referral: shared by sending, previews, the referral list and case meetings.

/** A refusal that says what is missing, so the counsellor knows which consent to ask for. */
export function consentRequired(c: Coverage): AppError {
  const missing = c.missingCategories.length ? ` (categories: ${c.missingCategories.join(', ')})` : '';
  return new AppError(
    'consent_required',
    `No active written consent covers this: ${c.gaps.join(', ')}${missing}`,
  );
}

/** The consents of one case as coverage sees them, read once for every referral shown with them. */
export interface CaseConsents {
  facts: ConsentFacts[];
  /** Consents resting on a typed name that no second staff member confirmed (yet). */
  unconfirmedTyped: ReadonlySet<string>;
  today: Day;
}

/** Reads the case's consents once (one query) and the organisation's today. */
export async function caseConsents(ctx: Ctx, caseId: string): Promise<CaseConsents> {
  const { facts, unconfirmedTyped } = await consentFactsForDisclosure(ctx.db, caseId);
  return { facts, unconfirmedTyped, today: await todayOf(ctx) };
}

/**
 * Coverage for sending. To the authorities, a consent resting on a typed name counts only once a second
 * staff member confirmed it: then `awaitingConfirmation` says that only such a consent covers it.
 */
export function sendCoverage(
  consents: CaseConsents,
  r: Pick<ReferralRow, 'partner_id' | 'partner_type' | 'purpose' | 'categories'>,
): { cov: Coverage; awaitingConfirmation: boolean } {
  const need = {
    partnerId: r.partner_id,
    partnerType: r.partner_type,
    purpose: r.purpose,
    categories: r.categories,
    on: consents.today,
  };
  const cov = coverage(consents.facts, need);
  if (!cov.covered || !isAuthorityDisclosure(r.purpose, r.partner_type))
    return { cov, awaitingConfirmation: false };
  const confirmed = coverage(
    consents.facts.filter((f) => !consents.unconfirmedTyped.has(f.id)),
    need,
  );
  return confirmed.covered
    ? { cov: confirmed, awaitingConfirmation: false }
    : { cov, awaitingConfirmation: true };
}
