import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Candidate, CaseNeeds } from './matching.score.js';

/** A candidate as stored: the self-declared backgrounds are sealed, and opened by the service when scored. */
export type CandidateFacts = Omit<Candidate, 'backgroundIds'>;

/** The case's needs as stored: the stated background preference is sealed. */
export type NeedsRow = Omit<CaseNeeds, 'prefBackgroundId'> & {
  prefBackgroundEnc: Uint8Array | null;
  /** The case's municipality as written, for the explanation of the region filter. */
  municipalityName: string;
};

/**
 * Every counsellor of the organisation with what the hard filters and the score need. Six plain set
 * queries (one scan each, no per-counsellor query) merged in memory by id: a plan that does not depend on
 * table statistics, unlike one big join of aggregates, which the planner can turn into nested loops.
 */
export async function loadCandidates(
  db: Db,
  orgId: string,
  today: string,
  caseId: string | null,
  onlyUserId?: string,
): Promise<CandidateFacts[]> {
  const only = onlyUserId ? sql`and user_id = ${onlyUserId}` : sql``;
  // Each query returns at most one row per counsellor; arrays are aggregated and cast in SQL.
  const [base, loadBy, absent, training, conflicts] = await Promise.all([
    sql<BaseRow>`
      select u.id, u.display_name, p.status, p.gender, p.home_municipality_id, hm.province as home_province,
        array_to_string(p.serves_municipality_ids, ',') as serves_municipality_ids,
        array_to_string(p.serves_provinces, '|') as serves_provinces, p.max_active_cases,
        (p.vog_expires_on is not null and p.vog_expires_on >= ${today}::date) as vog_valid,
        p.has_slots, p.remote, array_to_string(p.language_codes, ',') as language_codes
      from users u
      join counsellor_profiles p on p.user_id = u.id
      left join municipalities hm on hm.id = p.home_municipality_id
      where u.org_id = ${orgId} and u.role = 'counsellor' and u.status = 'active'
        ${onlyUserId ? sql`and u.id = ${onlyUserId}` : sql``}`.execute(db),
    countCaseloads(db, orgId, onlyUserId),
    sql<{ user_id: string }>`
      select distinct user_id from counsellor_absences
      where org_id = ${orgId} and from_date <= ${today}::date and to_date >= ${today}::date ${only}`.execute(
      db,
    ),
    sql<{ user_id: string; trained: boolean }>`
      select ta.user_id, bool_or(co.kind = 'basic') and bool_or(ta.expires_on is null or ta.expires_on >= ${today}::date) as trained
      from training_attendance ta
      join training_sessions s on s.id = ta.session_id
      join courses co on co.id = s.course_id
      where ta.org_id = ${orgId} and ta.completed_on is not null and co.kind in ('basic', 'refresher')
        ${onlyUserId ? sql`and ta.user_id = ${onlyUserId}` : sql``}
      group by ta.user_id`.execute(db),
    caseId
      ? sql<{ user_id: string }>`select user_id from case_conflicts where case_id = ${caseId}`.execute(db)
      : Promise.resolve({ rows: [] }),
  ]);
  const trainedBy = new Map(training.rows.map((r) => [r.user_id, r.trained]));
  const absentSet = new Set(absent.rows.map((a) => a.user_id));
  const conflictSet = new Set(conflicts.rows.map((c) => c.user_id));
  return base.rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    status: r.status,
    trained: trainedBy.get(r.id) ?? false,
    vogValid: r.vog_valid,
    activeCases: loadBy.get(r.id) ?? 0,
    maxCases: r.max_active_cases,
    available: r.has_slots && !absentSet.has(r.id),
    languages: list(r.language_codes, ','),
    gender: r.gender,
    homeMunicipalityId: r.home_municipality_id,
    homeProvince: r.home_province,
    servesMunicipalityIds: list(r.serves_municipality_ids, ','),
    servesProvinces: list(r.serves_provinces, '|'),
    conflict: conflictSet.has(r.id),
    remote: r.remote,
  }));
}

/**
 * The one definition of a counsellor's caseload, used by the capacity filter, the shortlist, the counsellor
 * list and the assign dialog alike: the cases they work now (assigned, state active) plus the cases offered to
 * them and awaiting their answer (an offer holds a place), each case counted once. Counsellors without any
 * are absent from the map (zero).
 */
export async function countCaseloads(
  db: Db,
  orgId: string,
  onlyUserId?: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ user_id: string; n: number }>`
    select counsellor_id as user_id, count(distinct case_id)::int as n from (
      select counsellor_id, id as case_id from cases
      where org_id = ${orgId} and state = 'active' and counsellor_id is not null
      union all
      select counsellor_id, case_id from case_offers where org_id = ${orgId} and status = 'pending'
    ) x
    ${onlyUserId ? sql`where counsellor_id = ${onlyUserId}` : sql``}
    group by counsellor_id`.execute(db);
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

interface BaseRow {
  id: string;
  display_name: string;
  status: string;
  gender: string | null;
  home_municipality_id: string | null;
  home_province: string | null;
  serves_municipality_ids: string;
  serves_provinces: string;
  max_active_cases: number;
  vog_valid: boolean;
  has_slots: boolean;
  remote: boolean;
  language_codes: string;
}

// Arrays come back as delimited text and are split here: parsing the array columns for thousands of rows is
// most of the cost of a shortlist otherwise. Codes, ids and province names never contain the delimiters.
function list(text: string, delimiter: string): string[] {
  return text ? text.split(delimiter) : [];
}

/** Every sealed background list of the organisation's counsellors, in one scan (only rows that have one). */
export async function sealedBackgrounds(db: Db, orgId: string) {
  return db
    .selectFrom('counsellor_profiles')
    .select(['user_id as id', 'background_ids_enc as sealed'])
    .where('org_id', '=', orgId)
    .where('background_ids_enc', 'is not', null)
    .execute();
}

/** What the case tells matching: languages and stated preferences, place, and earlier counsellors of the caller. */
export async function loadNeeds(db: Db, orgId: string, caseId: string): Promise<NeedsRow | undefined> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .leftJoin('municipalities as m', (join) =>
      join.on(sql`lower(m.name)`, '=', sql`lower(c.municipality)`).onRef('m.org_id', '=', 'c.org_id'),
    )
    .select([
      'c.id',
      'c.caller_id',
      'k.language',
      'k.phone_hmac',
      'c.pref_language',
      'c.pref_gender',
      'c.pref_background_enc',
      'c.municipality',
      'm.id as municipality_id',
      'm.province',
    ])
    .where('c.id', '=', caseId)
    .where('c.org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return undefined;
  // Continuity: counsellors who had a case of this caller (same caller record, or same phone index).
  const previous = await db
    .selectFrom('cases as c')
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .select('c.counsellor_id')
    .where('c.org_id', '=', orgId)
    .where('c.id', '!=', caseId)
    .where('c.counsellor_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('c.caller_id', '=', row.caller_id),
        ...(row.phone_hmac ? [eb('k.phone_hmac', '=', row.phone_hmac)] : []),
      ]),
    )
    .execute();
  // The conversation languages of this case's contacts (a returning caller may speak another language now).
  const spoken = await db
    .selectFrom('contacts')
    .select('language')
    .distinct()
    .where('case_id', '=', caseId)
    .execute();
  const languages = [
    ...new Set([
      ...(spoken.length ? spoken.map((x) => x.language) : [row.language]),
      ...(row.pref_language ? [row.pref_language] : []),
    ]),
  ];
  return {
    languages,
    prefLanguage: row.pref_language,
    prefGender: row.pref_gender,
    prefBackgroundEnc: row.pref_background_enc,
    municipalityName: row.municipality,
    municipalityId: row.municipality_id,
    province: row.province,
    previousCounsellorIds: [...new Set(previous.map((p) => p.counsellor_id!))],
  };
}

/** What a counsellor sees of the cases offered to them, for many cases at once: no case content. */
export async function findOfferedCaseFacts(db: Db, orgId: string, caseIds: readonly string[]) {
  const rows =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('cases as c')
          .innerJoin('callers as k', 'k.id', 'c.caller_id')
          .select([
            'c.id',
            'c.category_id',
            'c.municipality',
            'k.language',
            'k.alias_enc',
            'k.id as caller_id',
          ])
          .where('c.org_id', '=', orgId)
          .where('c.id', 'in', caseIds)
          .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        categoryId: r.category_id,
        municipality: r.municipality,
        language: r.language,
        callerId: r.caller_id,
        aliasEnc: r.alias_enc,
      },
    ]),
  );
}
