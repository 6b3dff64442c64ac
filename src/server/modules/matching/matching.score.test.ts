import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, HARD_FILTERS } from '../../../shared/matching.schema.js';
import {
  failedFilter,
  mayBeListed,
  scoreParts,
  shortlist,
  type Candidate,
  type CaseNeeds,
} from './matching.score.js';

const needs: CaseNeeds = {
  languages: ['rif'],
  prefLanguage: 'rif',
  prefGender: 'female',
  prefBackgroundId: 'bg-moroccan',
  municipalityId: 'm-utrecht',
  province: 'Utrecht',
  previousCounsellorIds: [],
};

const good = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'c1',
  name: 'Fatima',
  status: 'active',
  trained: true,
  vogValid: true,
  activeCases: 1,
  maxCases: 4,
  available: true,
  languages: ['nl', 'rif'],
  gender: 'female',
  backgroundIds: ['bg-moroccan'],
  homeMunicipalityId: 'm-utrecht',
  homeProvince: 'Utrecht',
  servesMunicipalityIds: [],
  servesProvinces: [],
  conflict: false,
  ...over,
});

describe('hard filters', () => {
  it.each([
    ['active', { status: 'paused' }],
    ['trained', { trained: false }],
    ['vog_valid', { vogValid: false }],
    ['capacity', { activeCases: 4 }],
    ['available', { available: false }],
    ['language', { languages: ['nl'] }],
    ['no_conflict', { conflict: true }],
  ] as [string, Partial<Candidate>][])('%s removes a candidate', (filter, over) => {
    expect(failedFilter(good(over), needs)).toBe(filter);
    const list = shortlist([good(over)], needs, DEFAULT_WEIGHTS);
    expect(list.candidates).toEqual([]);
    expect(list.excluded[filter as (typeof HARD_FILTERS)[number]]).toBe(1);
  });

  it('passes a candidate who meets all of them', () => {
    expect(failedFilter(good(), needs)).toBeUndefined();
  });
});

describe('explained score', () => {
  it('adds named parts with their reasons', () => {
    const parts = scoreParts(good(), needs, DEFAULT_WEIGHTS);
    expect(parts.map((p) => p.code)).toEqual([
      'speaks_language',
      'preferred_language',
      'preferred_gender',
      'preferred_background',
      'same_municipality',
      'capacity',
    ]);
    expect(parts.find((p) => p.code === 'capacity')).toEqual({
      code: 'capacity',
      points: 8,
      params: { free: 3, max: 4 },
    });
    expect(parts.find((p) => p.code === 'speaks_language')!.params).toEqual({ language: 'rif' });
  });

  it('prefers the same municipality over the same province over serving the area', () => {
    const w = DEFAULT_WEIGHTS;
    const codes = (c: Candidate) => scoreParts(c, needs, w).map((p) => p.code);
    expect(codes(good({ homeMunicipalityId: 'm-zeist' }))).toContain('same_province');
    expect(
      codes(
        good({ homeMunicipalityId: 'm-ams', homeProvince: 'Noord-Holland', servesProvinces: ['Utrecht'] }),
      ),
    ).toContain('serves_area');
    expect(codes(good({ homeMunicipalityId: 'm-ams', homeProvince: 'Noord-Holland' }))).not.toEqual(
      expect.arrayContaining(['same_province', 'serves_area', 'same_municipality']),
    );
  });

  it('rewards continuity for a returning caller', () => {
    expect(
      scoreParts(good(), { ...needs, previousCounsellorIds: ['c1'] }, DEFAULT_WEIGHTS).map((p) => p.code),
    ).toContain('continuity');
  });

  it('offers a next-best option when only availability or capacity fails, never when training does', () => {
    const list = shortlist(
      [good({ id: 'a', available: false }), good({ id: 'b', trained: false })],
      needs,
      DEFAULT_WEIGHTS,
    );
    expect(list.candidates).toEqual([]);
    expect(list.nextBest.map((n) => [n.counsellorId, n.fails])).toEqual([['a', 'available']]);
  });

  it('never shows a next-best option above the shortlist (issue 14)', () => {
    // Karim can be offered the case but matches less well; Amina matches best but is away; Bilal is full.
    const karim = good({
      id: 'k',
      name: 'Karim',
      gender: 'male',
      backgroundIds: [],
      homeMunicipalityId: 'x',
    });
    const amina = good({ id: 'a', name: 'Amina', available: false });
    const bilal = good({
      id: 'b',
      name: 'Bilal',
      activeCases: 4,
      gender: 'male',
      backgroundIds: [],
      homeMunicipalityId: 'x',
    });
    const list = shortlist([amina, bilal, karim], needs, DEFAULT_WEIGHTS);
    expect(list.candidates.map((c) => c.counsellorId)).toEqual(['k']);
    const top = list.candidates[0]!.score;
    expect(scoreParts(amina, needs, DEFAULT_WEIGHTS).reduce((s, p) => s + p.points, 0)).toBeGreaterThan(top);
    expect(list.nextBest.map((n) => [n.counsellorId, n.fails])).toEqual([['b', 'capacity']]);
    expect(list.nextBest[0]!.score).toBeLessThanOrEqual(top);
  });
});

const candidateArb = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('Amina', 'Bilal', 'Chaima', 'Derya', 'Emre', 'Faduma'),
  status: fc.constantFrom('active', 'paused', 'candidate', 'left'),
  trained: fc.boolean(),
  vogValid: fc.boolean(),
  activeCases: fc.integer({ min: 0, max: 6 }),
  maxCases: fc.integer({ min: 0, max: 6 }),
  available: fc.boolean(),
  languages: fc.subarray(['nl', 'ary', 'rif', 'tr', 'so', 'ar']),
  gender: fc.constantFrom('female', 'male', 'other', null),
  backgroundIds: fc.subarray(['bg1', 'bg2', 'bg3']),
  homeMunicipalityId: fc.constantFrom('m1', 'm2', 'm3', null),
  homeProvince: fc.constantFrom('Utrecht', 'Zuid-Holland', null),
  servesMunicipalityIds: fc.subarray(['m1', 'm2', 'm3']),
  servesProvinces: fc.subarray(['Utrecht', 'Zuid-Holland']),
  conflict: fc.boolean(),
});
const needsArb = fc.record({
  languages: fc.subarray(['nl', 'ary', 'rif', 'tr'], { minLength: 1 }),
  prefLanguage: fc.constantFrom('nl', 'rif', null),
  prefGender: fc.constantFrom('female', 'male', null),
  prefBackgroundId: fc.constantFrom('bg1', null),
  municipalityId: fc.constantFrom('m1', 'm2', null),
  province: fc.constantFrom('Utrecht', null),
  previousCounsellorIds: fc.constant([] as string[]),
});

describe('properties', () => {
  it('never shortlists a counsellor who fails any hard filter', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), needsArb, (cands, n) => {
        const list = shortlist(cands, n, DEFAULT_WEIGHTS);
        for (const s of list.candidates) {
          const c = cands.find((x) => x.id === s.counsellorId)!;
          expect(failedFilter(c, n)).toBeUndefined();
          expect(c.status).toBe('active');
          expect(c.trained && c.vogValid && c.available && !c.conflict).toBe(true);
          expect(c.activeCases).toBeLessThan(c.maxCases);
        }
        const excludedTotal = HARD_FILTERS.reduce((s, f) => s + list.excluded[f], 0);
        expect(excludedTotal + cands.filter((c) => !failedFilter(c, n)).length).toBe(cands.length);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks deterministically, whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 30 }),
        needsArb,
        fc.integer(),
        (cands, n, seed) => {
          const shuffled = [...cands].sort(
            (a, b) => (a.id.charCodeAt(seed & 7) ^ seed) - (b.id.charCodeAt(seed & 7) ^ seed) || 0,
          );
          expect(shortlist(shuffled, n, DEFAULT_WEIGHTS)).toEqual(shortlist(cands, n, DEFAULT_WEIGHTS));
          const ranked = shortlist(cands, n, DEFAULT_WEIGHTS).candidates;
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads as one ranking: next best scores no higher than any shortlisted candidate, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 30 }),
        needsArb,
        fc.integer({ min: 1, max: 6 }),
        (cands, n, size) => {
          const list = shortlist(cands, n, DEFAULT_WEIGHTS, size);
          const ranked = [...list.candidates, ...list.nextBest];
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows only candidates mayBeListed admits, so backgrounds of the others need not be opened', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 30 }),
        needsArb,
        (cands, n) => {
          const list = shortlist(cands, n, DEFAULT_WEIGHTS);
          for (const s of [...list.candidates, ...list.nextBest])
            expect(
              mayBeListed(
                cands.find((c) => c.id === s.counsellorId)!,
                n,
              ),
            ).toBe(true);
          // Blanking the backgrounds of everyone else changes nothing.
          const blanked = cands.map((c) => (mayBeListed(c, n) ? c : { ...c, backgroundIds: [] }));
          expect(shortlist(blanked, n, DEFAULT_WEIGHTS)).toEqual(list);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never uses a score part that is not named (the score is the sum of its parts)', () => {
    fc.assert(
      fc.property(candidateArb, needsArb, (c, n) => {
        const list = shortlist([c], n, DEFAULT_WEIGHTS);
        for (const s of [...list.candidates, ...list.nextBest])
          expect(s.score).toBe(s.parts.reduce((x, p) => x + p.points, 0));
      }),
    );
  });
});
