import type { ConsentPurpose, ConsentStatus, DataCategory } from '../../../shared/consent.schema.js';
import type { Coverage } from '../../../shared/referrals.schema.js';
import { COVERAGE_GAPS } from '../../../shared/referrals.schema.js';
import type { PartnerType } from '../../../shared/partners.schema.js';

/** What decides whether a consent covers a disclosure. Dates are ISO days. */
export interface ConsentFacts {
  id: string;
  categories: readonly DataCategory[];
  partnerId: string | null;
  partnerType: PartnerType | null;
  purpose: ConsentPurpose;
  givenOn: string;
  validUntil: string;
  writtenOn: string | null;
  withdrawn: boolean;
}

/** A disclosure someone wants to make: to whom, why, what, on which day. */
export interface DisclosureNeed {
  partnerId: string;
  partnerType: PartnerType;
  purpose: ConsentPurpose;
  categories: readonly DataCategory[];
  on: string;
}

type Gap = Coverage['gaps'][number];

/**
 * How far a consent is from covering: one for the right partner and purpose that lacks a category or the
 * signature is closer (a person can complete it) than one for another partner or purpose, or a withdrawn one.
 */
const GAP_WEIGHT: Record<Gap, number> = {
  no_consent: 9,
  withdrawn: 3,
  other_partner: 3,
  other_purpose: 3,
  expired: 2,
  pending_written: 1,
  categories: 1,
};

/** Withdrawn beats everything; then the written form; then the dates. */
export function consentStatus(c: ConsentFacts, today: string): ConsentStatus {
  if (c.withdrawn) return 'withdrawn';
  if (!c.writtenOn) return 'pending_written';
  if (today > c.validUntil || today < c.givenOn) return 'expired';
  return 'active';
}

function gapsOf(c: ConsentFacts, need: DisclosureNeed): { gaps: Gap[]; missing: DataCategory[] } {
  const gaps: Gap[] = [];
  const status = consentStatus(c, need.on);
  if (status !== 'active') gaps.push(status);
  const partnerMatches =
    c.partnerId !== null ? c.partnerId === need.partnerId : c.partnerType === need.partnerType;
  if (!partnerMatches) gaps.push('other_partner');
  if (c.purpose !== need.purpose) gaps.push('other_purpose');
  const missing = need.categories.filter((cat) => !c.categories.includes(cat));
  if (missing.length) gaps.push('categories');
  return { gaps, missing };
}

/**
 * Whether an active, written consent covers this partner (or its type), this purpose and every category.
 * When none does, the closest consent (see GAP_WEIGHT) explains what is missing, so a person can act on it.
 * Deterministic: among covering consents the one valid longest wins, then the lowest id.
 */
export function coverage(consents: readonly ConsentFacts[], need: DisclosureNeed): Coverage {
  if (consents.length === 0)
    return { covered: false, consentId: null, gaps: ['no_consent'], missingCategories: [...need.categories] };
  const scored = consents
    .map((c) => ({ c, ...gapsOf(c, need) }))
    .map((x) => ({ ...x, distance: x.gaps.reduce((sum, g) => sum + GAP_WEIGHT[g], 0) }))
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        b.c.validUntil.localeCompare(a.c.validUntil) ||
        a.c.id.localeCompare(b.c.id),
    );
  const best = scored[0]!;
  if (best.gaps.length === 0) return { covered: true, consentId: best.c.id, gaps: [], missingCategories: [] };
  return {
    covered: false,
    consentId: null,
    gaps: COVERAGE_GAPS.filter((g) => best.gaps.includes(g)),
    missingCategories: best.missing,
  };
}
