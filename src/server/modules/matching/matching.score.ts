import type {
  Diagnosis,
  HardFilter,
  MatchingWeights,
  Reach,
  ScorePart,
  Shortlist,
} from '../../../shared/matching.schema.js';
import { HARD_FILTERS } from '../../../shared/matching.schema.js';

/** What matching knows about the case: the caller's languages and *stated* preferences, and where they live. */
export interface CaseNeeds {
  languages: string[];
  prefLanguage: string | null;
  prefGender: string | null;
  prefBackgroundId: string | null;
  municipalityId: string | null;
  province: string | null;
  /** Counsellors who supported this caller before (continuity). */
  previousCounsellorIds: string[];
  /** How far to look (default: the caller's region). */
  reach?: Reach;
  /** Accept counsellors who would speak through an interpreter (the language filter is then met). */
  interpreter?: boolean;
}

export interface Candidate {
  id: string;
  name: string;
  status: string;
  trained: boolean;
  vogValid: boolean;
  activeCases: number;
  maxCases: number;
  available: boolean;
  languages: string[];
  gender: string | null;
  backgroundIds: string[];
  homeMunicipalityId: string | null;
  homeProvince: string | null;
  servesMunicipalityIds: string[];
  servesProvinces: string[];
  conflict: boolean;
  /** Willing to support families elsewhere by phone or video. */
  remote?: boolean;
}

type Facts = Omit<Candidate, 'backgroundIds'>;

/** Lives or works in the caller's municipality or province; an unknown place on either side never excludes. */
function inRegion(c: Facts, needs: CaseNeeds): boolean {
  if (!needs.municipalityId && !needs.province) return true;
  if (!c.homeMunicipalityId && c.servesMunicipalityIds.length === 0 && c.servesProvinces.length === 0)
    return true;
  return (
    (needs.municipalityId !== null &&
      (c.homeMunicipalityId === needs.municipalityId ||
        c.servesMunicipalityIds.includes(needs.municipalityId))) ||
    (needs.province !== null &&
      (c.homeProvince === needs.province || c.servesProvinces.includes(needs.province)))
  );
}

/**
 * What the hard filters read of one counsellor for one case, each a yes or no, before the coordinator's
 * widening (reach, interpreter) is applied. The shortlist gets these for the whole organisation from the
 * database (matching.repository `candidateFlags`, which computes `speaks` and `inRegion` in SQL exactly as
 * `flagsOf` does here: an integration test compares the two); an offer checks one counsellor with `flagsOf`.
 */
export interface Flags {
  active: boolean;
  trained: boolean;
  vogValid: boolean;
  capacity: boolean;
  available: boolean;
  /** Speaks one of the caller's languages. */
  speaks: boolean;
  inRegion: boolean;
  remote: boolean;
  conflict: boolean;
}

export function flagsOf(c: Facts, needs: CaseNeeds): Flags {
  return {
    active: c.status === 'active',
    trained: c.trained,
    vogValid: c.vogValid,
    capacity: c.activeCases < c.maxCases,
    available: c.available,
    speaks: needs.languages.some((l) => c.languages.includes(l)),
    inRegion: inRegion(c, needs),
    remote: c.remote === true,
    conflict: c.conflict,
  };
}

/** The flags as the bits of one number, so the organisation's counsellors can be counted per combination. */
export const FLAG_BITS = [
  'active',
  'trained',
  'vogValid',
  'capacity',
  'available',
  'speaks',
  'inRegion',
  'remote',
  'conflict',
] as const satisfies readonly (keyof Flags)[];

/** Each flag's bit in a mask. */
export const FLAG = Object.fromEntries(FLAG_BITS.map((name, bit) => [name, 1 << bit])) as Record<
  (typeof FLAG_BITS)[number],
  number
>;

export function toMask(f: Flags): number {
  return FLAG_BITS.reduce((mask, name, bit) => (f[name] ? mask | (1 << bit) : mask), 0);
}

export function fromMask(mask: number): Flags {
  return Object.fromEntries(
    FLAG_BITS.map((name, bit) => [name, (mask & (1 << bit)) !== 0]),
  ) as unknown as Flags;
}

/** How many counsellors have each combination of flags (key: the mask). */
export type Tally = ReadonlyMap<number, number>;

export function tallyOf(masks: readonly number[]): Tally {
  const tally = new Map<number, number>();
  for (const mask of masks) tally.set(mask, (tally.get(mask) ?? 0) + 1);
  return tally;
}

/** Each hard filter on its own: whether a counsellor with these flags passes it. */
function checksOf(f: Flags, needs: Pick<CaseNeeds, 'reach' | 'interpreter'>): Record<HardFilter, boolean> {
  const reach = needs.reach ?? 'region';
  return {
    active: f.active,
    trained: f.trained,
    vog_valid: f.vogValid,
    capacity: f.capacity,
    available: f.available,
    language: needs.interpreter === true || f.speaks,
    region: reach === 'wide' || f.inRegion || (reach === 'remote' && f.remote),
    no_conflict: !f.conflict,
  };
}

/** The first hard filter failed, in the fixed order of HARD_FILTERS; undefined if none. */
function firstFailed(f: Flags, needs: Pick<CaseNeeds, 'reach' | 'interpreter'>): HardFilter | undefined {
  const checks = checksOf(f, needs);
  return HARD_FILTERS.find((filter) => !checks[filter]);
}

/**
 * The first hard filter a candidate fails, in the fixed order of HARD_FILTERS; undefined if none. Backgrounds
 * are a preference, never a filter.
 */
export function failedFilter(c: Facts, needs: CaseNeeds): HardFilter | undefined {
  return firstFailed(flagsOf(c, needs), needs);
}

/**
 * Why nobody passed, in counts over the active counsellors: each filter on its own, language and region
 * together, and how many would pass with each real option (remote counsellors, the whole organisation, an
 * interpreter). Pure counting over the tally: each combination of flags is judged once.
 */
function diagnose(tally: Tally, needs: CaseNeeds, place: Diagnosis['place']): Diagnosis {
  const active = [...tally].map(([mask, n]) => ({ f: fromMask(mask), n })).filter((x) => x.f.active);
  const count = (pass: (f: Flags) => boolean) => active.reduce((s, x) => (pass(x.f) ? s + x.n : s), 0);
  const passes = (n: Pick<CaseNeeds, 'reach' | 'interpreter'>) => (f: Flags) => !firstFailed(f, n);
  const strict = { reach: needs.reach, interpreter: false };
  return {
    activeCounsellors: count(() => true),
    languages: needs.languages,
    place,
    filters: HARD_FILTERS.filter((f) => f !== 'active').map((filter) => ({
      filter,
      passing: count((f) => checksOf(f, needs)[filter]),
    })),
    languageAndRegion: count((f) => checksOf(f, needs).language && checksOf(f, needs).region),
    options: {
      remote: count(passes({ ...strict, reach: 'remote' })),
      wide: count(passes({ ...strict, reach: 'wide' })),
      interpreter: count(passes({ reach: needs.reach, interpreter: true })),
    },
  };
}

/** The explained score: a sum of named parts, each with the reason shown to the coordinator. */
export function scoreParts(c: Candidate, needs: CaseNeeds, w: MatchingWeights): ScorePart[] {
  const parts: ScorePart[] = [];
  const spoken = needs.languages.find((l) => c.languages.includes(l));
  if (spoken) parts.push({ code: 'speaks_language', points: 0, params: { language: spoken } });
  if (needs.prefLanguage && c.languages.includes(needs.prefLanguage)) {
    parts.push({
      code: 'preferred_language',
      points: w.preferredLanguage,
      params: { language: needs.prefLanguage },
    });
  }
  if (needs.prefGender && c.gender === needs.prefGender) {
    parts.push({ code: 'preferred_gender', points: w.preferredGender, params: { gender: needs.prefGender } });
  }
  if (needs.prefBackgroundId && c.backgroundIds.includes(needs.prefBackgroundId)) {
    parts.push({
      code: 'preferred_background',
      points: w.preferredBackground,
      params: { backgroundId: needs.prefBackgroundId },
    });
  }
  if (needs.municipalityId && c.homeMunicipalityId === needs.municipalityId) {
    parts.push({ code: 'same_municipality', points: w.sameMunicipality, params: {} });
  } else if (needs.province && c.homeProvince === needs.province) {
    parts.push({ code: 'same_province', points: w.sameProvince, params: { province: needs.province } });
  } else if (
    (needs.municipalityId && c.servesMunicipalityIds.includes(needs.municipalityId)) ||
    (needs.province && c.servesProvinces.includes(needs.province))
  ) {
    parts.push({ code: 'serves_area', points: w.servesArea, params: {} });
  }
  if (needs.previousCounsellorIds.includes(c.id))
    parts.push({ code: 'continuity', points: w.continuity, params: {} });
  if (c.maxCases > 0) {
    const free = Math.max(0, c.maxCases - c.activeCases);
    parts.push({
      code: 'capacity',
      points: Math.round((w.capacity * free) / c.maxCases),
      params: { free, max: c.maxCases },
    });
  }
  return parts;
}

const total = (parts: ScorePart[]) => parts.reduce((s, p) => s + p.points, 0);

/** Deterministic order: score, then fewer active cases, then name, then id. */
function byRank(a: { score: number; c: Candidate }, b: { score: number; c: Candidate }): number {
  return (
    b.score - a.score ||
    a.c.activeCases - b.c.activeCases ||
    a.c.name.localeCompare(b.c.name) ||
    (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0)
  );
}

/** Filters that may be relaxed for "next best" suggestions; safety filters (training, VOG, conflict…) never are. */
const RELAXABLE: HardFilter[] = ['available', 'capacity'];

/**
 * The shortlist: candidates that pass every hard filter, ranked by their explained score (top `size`), the
 * count of candidates removed by each filter, and — when the list is short — next-best options that fail
 * only a relaxable filter. Pure: for tests and for one list of candidates in memory.
 *
 * "Next best" continues the ranking below the shortlist: it only holds candidates who score no higher than
 * the last shortlisted one, so the page reads as one ranking and never shows someone who cannot be offered
 * the case above the people who can. When nobody passes, the best three relaxable candidates are shown.
 */
export function shortlist(
  candidates: Candidate[],
  needs: CaseNeeds,
  weights: MatchingWeights,
  size = 5,
): Shortlist {
  return rank(
    tallyOf(candidates.map((c) => toMask(flagsOf(c, needs)))),
    candidates.filter((c) => mayBeListed(c, needs)),
    needs,
    weights,
    size,
  );
}

/**
 * The shortlist from the tally of the whole organisation (for the counts) and the full facts of only the
 * candidates it can show (`listable`): what the service loads, so thousands of counsellors who cannot be
 * listed are counted, never fetched or scored.
 */
export function rank(
  tally: Tally,
  listed: Candidate[],
  needs: CaseNeeds,
  weights: MatchingWeights,
  size = 5,
): Shortlist {
  const excluded = Object.fromEntries(HARD_FILTERS.map((f) => [f, 0])) as Record<HardFilter, number>;
  let considered = 0;
  for (const [mask, n] of tally) {
    considered += n;
    const fails = firstFailed(fromMask(mask), needs);
    if (fails) excluded[fails] += n;
  }
  const passing: { score: number; parts: ScorePart[]; c: Candidate }[] = [];
  const relaxed: { score: number; parts: ScorePart[]; c: Candidate; fails: HardFilter }[] = [];
  for (const c of listed) {
    const fails = failedFilter(c, needs);
    const parts = scoreParts(c, needs, weights);
    if (!fails) passing.push({ score: total(parts), parts, c });
    else if (mayBeListed(c, needs)) relaxed.push({ score: total(parts), parts, c, fails });
  }
  passing.sort(byRank);
  const shown = passing.slice(0, size);
  const floor = shown.at(-1)?.score ?? Infinity;
  const next = relaxed.filter((x) => x.score <= floor).sort(byRank);
  const out = (x: { score: number; parts: ScorePart[]; c: Candidate }) => ({
    counsellorId: x.c.id,
    name: x.c.name,
    score: x.score,
    parts: x.parts,
  });
  return {
    candidates: shown.map(out),
    excluded,
    considered,
    reach: needs.reach ?? 'region',
    interpreter: needs.interpreter === true,
    diagnosis: diagnose(tally, needs, { municipality: null, province: needs.province }),
    nextBest: passing.length < size ? next.slice(0, 3).map((x) => ({ ...out(x), fails: x.fails })) : [],
  };
}

/**
 * Whether the shortlist can show a counsellor with these flags at all: passing every hard filter, or failing
 * only one that "next best" relaxes. Only these are fetched and scored, and only their sealed backgrounds
 * are opened.
 */
export function listable(f: Flags, needs: CaseNeeds): boolean {
  const fails = firstFailed(f, needs);
  if (!fails) return true;
  if (!RELAXABLE.includes(fails)) return false;
  return firstFailed({ ...f, [fails === 'available' ? 'available' : 'capacity']: true }, needs) === undefined;
}

export function mayBeListed(c: Facts, needs: CaseNeeds): boolean {
  return listable(flagsOf(c, needs), needs);
}
