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

/** Each hard filter on its own: whether the candidate passes it. */
function filterChecks(c: Facts, needs: CaseNeeds): Record<HardFilter, boolean> {
  const reach = needs.reach ?? 'region';
  return {
    active: c.status === 'active',
    trained: c.trained,
    vog_valid: c.vogValid,
    capacity: c.activeCases < c.maxCases,
    available: c.available,
    language: needs.interpreter === true || needs.languages.some((l) => c.languages.includes(l)),
    region: reach === 'wide' || inRegion(c, needs) || (reach === 'remote' && c.remote === true),
    no_conflict: !c.conflict,
  };
}

/**
 * The first hard filter a candidate fails, in the fixed order of HARD_FILTERS; undefined if none. Backgrounds
 * are a preference, never a filter.
 */
export function failedFilter(c: Facts, needs: CaseNeeds): HardFilter | undefined {
  const checks = filterChecks(c, needs);
  return HARD_FILTERS.find((f) => !checks[f]);
}

/**
 * Why nobody passed, in counts over the active counsellors: each filter on its own, language and region
 * together, and how many would pass with each real option (remote counsellors, the whole organisation, an
 * interpreter). Pure counting over facts already loaded: no query per counsellor.
 */
function diagnose(facts: Facts[], needs: CaseNeeds, place: Diagnosis['place']): Diagnosis {
  const active = facts.filter((c) => c.status === 'active');
  const count = (pass: (c: Facts) => boolean) => active.filter(pass).length;
  const checks = new Map(active.map((c) => [c.id, filterChecks(c, needs)]));
  const passes = (n: CaseNeeds) => (c: Facts) => failedFilter(c, n) === undefined;
  const strict = { ...needs, interpreter: false };
  return {
    activeCounsellors: active.length,
    languages: needs.languages,
    place,
    filters: HARD_FILTERS.filter((f) => f !== 'active').map((filter) => ({
      filter,
      passing: count((c) => checks.get(c.id)![filter]),
    })),
    languageAndRegion: count((c) => checks.get(c.id)!.language && checks.get(c.id)!.region),
    options: {
      remote: count(passes({ ...strict, reach: 'remote' })),
      wide: count(passes({ ...strict, reach: 'wide' })),
      interpreter: count(passes({ ...needs, interpreter: true })),
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
 * only a relaxable filter.
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
  const excluded = Object.fromEntries(HARD_FILTERS.map((f) => [f, 0])) as Record<HardFilter, number>;
  const passing: { score: number; parts: ScorePart[]; c: Candidate }[] = [];
  const relaxed: { score: number; parts: ScorePart[]; c: Candidate; fails: HardFilter }[] = [];
  for (const c of candidates) {
    const fails = failedFilter(c, needs);
    const parts = scoreParts(c, needs, weights);
    if (!fails) passing.push({ score: total(parts), parts, c });
    else {
      excluded[fails] += 1;
      if (RELAXABLE.includes(fails) && failsOnly(c, needs, fails))
        relaxed.push({ score: total(parts), parts, c, fails });
    }
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
    considered: candidates.length,
    reach: needs.reach ?? 'region',
    interpreter: needs.interpreter === true,
    diagnosis: diagnose(candidates, needs, { municipality: null, province: needs.province }),
    nextBest: passing.length < size ? next.slice(0, 3).map((x) => ({ ...out(x), fails: x.fails })) : [],
  };
}

/**
 * Whether the shortlist can show this candidate at all: passing every hard filter, or failing only one that
 * "next best" relaxes. Only these need a score, so only their sealed backgrounds are opened.
 */
export function mayBeListed(c: Facts, needs: CaseNeeds): boolean {
  const fails = failedFilter(c, needs);
  return !fails || (RELAXABLE.includes(fails) && failsOnly(c, needs, fails));
}

/** True if `filter` is the only hard filter the candidate fails. */
function failsOnly(c: Facts, needs: CaseNeeds, filter: HardFilter): boolean {
  const patched = {
    ...c,
    ...(filter === 'available' ? { available: true } : {}),
    ...(filter === 'capacity' ? { activeCases: 0, maxCases: Math.max(1, c.maxCases) } : {}),
  };
  return failedFilter(patched, needs) === undefined;
}
