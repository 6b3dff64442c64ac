import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, DATA_CATEGORIES } from '../../../shared/consent.schema.js';
import { PARTNER_TYPES } from '../../../shared/partners.schema.js';
import { consentStatus, coverage, type ConsentFacts, type DisclosureNeed } from './consent.coverage.js';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

const consent = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  categories: ['contact_details', 'concern_summary'],
  partnerId: P1,
  partnerType: null,
  purpose: 'care_referral',
  givenOn: '2026-03-01',
  validUntil: '2027-03-01',
  writtenOn: '2026-03-01',
  withdrawn: false,
  ...over,
});
const need = (over: Partial<DisclosureNeed> = {}): DisclosureNeed => ({
  partnerId: P1,
  partnerType: 'municipality',
  purpose: 'care_referral',
  categories: ['contact_details'],
  on: '2026-04-01',
  ...over,
});

describe('consent status', () => {
  it('is withdrawn before anything else, then pending written, then expired by date', () => {
    expect(consentStatus(consent({ withdrawn: true, writtenOn: null }), '2026-04-01')).toBe('withdrawn');
    expect(consentStatus(consent({ writtenOn: null }), '2026-04-01')).toBe('pending_written');
    expect(consentStatus(consent(), '2027-03-01')).toBe('active');
    expect(consentStatus(consent(), '2027-03-02')).toBe('expired');
    expect(consentStatus(consent(), '2026-02-28')).toBe('expired');
  });
});

describe('coverage', () => {
  it('covers a specific partner, purpose and a subset of the categories', () => {
    expect(coverage([consent()], need({ categories: ['contact_details', 'concern_summary'] }))).toEqual({
      covered: true,
      consentId: 'c1',
      gaps: [],
      missingCategories: [],
    });
  });

  it('covers every partner of a type when the consent names the type', () => {
    const byType = consent({ partnerId: null, partnerType: 'municipality' });
    expect(coverage([byType], need({ partnerId: P2 })).covered).toBe(true);
    expect(coverage([byType], need({ partnerId: P2, partnerType: 'police' })).gaps).toEqual([
      'other_partner',
    ]);
  });

  it('names what is missing: no consent, another partner, another purpose, categories', () => {
    expect(coverage([], need())).toMatchObject({ covered: false, gaps: ['no_consent'] });
    expect(coverage([consent()], need({ partnerId: P2 })).gaps).toEqual(['other_partner']);
    expect(coverage([consent()], need({ purpose: 'authority_referral' })).gaps).toEqual(['other_purpose']);
    expect(coverage([consent()], need({ categories: ['contact_details', 'signals'] }))).toMatchObject({
      covered: false,
      gaps: ['categories'],
      missingCategories: ['signals'],
    });
  });

  it('does not cover with a consent that is only verbal, withdrawn or expired', () => {
    expect(coverage([consent({ writtenOn: null })], need()).gaps).toEqual(['pending_written']);
    expect(coverage([consent({ withdrawn: true })], need()).gaps).toEqual(['withdrawn']);
    expect(coverage([consent()], need({ on: '2027-03-02' })).gaps).toEqual(['expired']);
  });

  it('is covered exactly when one consent passes every check (property)', () => {
    const facts = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
      partnerId: fc.constantFrom(P1, P2, null),
      partnerType: fc.constantFrom(...PARTNER_TYPES.slice(0, 3)),
      purpose: fc.constantFrom(...CONSENT_PURPOSES),
      givenOn: fc.constantFrom('2026-01-01', '2026-06-01'),
      validUntil: fc.constantFrom('2026-05-01', '2027-01-01'),
      writtenOn: fc.constantFrom('2026-01-01', null),
      withdrawn: fc.boolean(),
    });
    const needs = fc.record({
      partnerId: fc.constantFrom(P1, P2),
      partnerType: fc.constantFrom(...PARTNER_TYPES.slice(0, 3)),
      purpose: fc.constantFrom(...CONSENT_PURPOSES),
      categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
      on: fc.constantFrom('2026-03-01', '2026-07-01'),
    });
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 4 }), needs, (raw, n) => {
        const consents = raw.map((c, i) => ({
          ...c,
          id: `${c.id}${i}`,
          partnerType: c.partnerId ? null : c.partnerType,
        }));
        const passes = (c: ConsentFacts) =>
          !c.withdrawn &&
          c.writtenOn !== null &&
          c.givenOn <= n.on &&
          n.on <= c.validUntil &&
          (c.partnerId !== null ? c.partnerId === n.partnerId : c.partnerType === n.partnerType) &&
          c.purpose === n.purpose &&
          n.categories.every((cat) => c.categories.includes(cat));
        const result = coverage(consents, n);
        expect(result.covered).toBe(consents.some(passes));
        if (result.covered) expect(passes(consents.find((c) => c.id === result.consentId)!)).toBe(true);
        else expect(result.gaps.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the closest consent explains the gap', () => {
  it('prefers the consent for the right partner and purpose that only lacks a category', () => {
    const wrongPurpose = consent({
      id: 'a',
      purpose: 'authority_referral',
      categories: [...DATA_CATEGORIES],
    });
    const fewer = consent({ id: 'z', categories: ['contact_details'] });
    expect(coverage([wrongPurpose, fewer], need({ categories: ['contact_details', 'signals'] }))).toEqual({
      covered: false,
      consentId: null,
      gaps: ['categories'],
      missingCategories: ['signals'],
    });
  });
});
