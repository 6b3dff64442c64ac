import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Candidate, CaseNeeds } from './matching.score.js';

interface CandidateRow {
  id: string;
  name: string;
  status: string;
  gender: string | null;
  home_municipality_id: string | null;
  home_province: string | null;
  serves_municipality_ids: string[];
  serves_provinces: string[];
  max_active_cases: number;
  vog_valid: boolean;
  has_slots: boolean;
  absent: boolean;
  languages: string[];
  backgrounds: string[];
  load: number;
  trained: boolean;
  conflict: boolean;
}

/**
 * Every counsellor of the organisation with what the hard filters and the score need, in one set-based
 * query (pre-aggregated, hash-joined): no query per counsellor. `caseId` marks declared conflicts.
 */
export async function loadCandidates(
  db: Db,
  orgId: string,
  today: string,
  caseId: string | null,
  onlyUserId?: string,
): Promise<Candidate[]> {
  const result = await sql<CandidateRow>`
    with langs as (
      select user_id, array_agg(code order by code) as codes from counsellor_languages where org_id = ${orgId} group by user_id
    ), bgs as (
      select user_id, array_agg(term_id::text order by term_id) as ids from counsellor_backgrounds where org_id = ${orgId} group by user_id
    ), load as (
      select counsellor_id as user_id, count(*)::int as n from (
        select counsellor_id from cases where org_id = ${orgId} and state = 'active' and counsellor_id is not null
        union all
        select counsellor_id from case_offers where org_id = ${orgId} and status = 'pending'
      ) x group by counsellor_id
    ), absent as (
      select distinct user_id from counsellor_absences where org_id = ${orgId} and from_date <= ${today}::date and to_date >= ${today}::date
    ), training as (
      select ta.user_id,
        bool_or(co.kind = 'basic') as has_basic,
        bool_or(ta.expires_on is null) as forever,
        max(ta.expires_on) as until
      from training_attendance ta
      join training_sessions s on s.id = ta.session_id
      join courses co on co.id = s.course_id
      where ta.org_id = ${orgId} and ta.completed_on is not null and co.kind in ('basic', 'refresher')
      group by ta.user_id
    ), conflicts as (
      select user_id from case_conflicts where org_id = ${orgId} and case_id = ${caseId}
    )
    select u.id, u.display_name as name, p.status, p.gender, p.home_municipality_id, hm.province as home_province,
      p.serves_municipality_ids::text[] as serves_municipality_ids, p.serves_provinces, p.max_active_cases,
      (p.vog_expires_on is not null and p.vog_expires_on >= ${today}::date) as vog_valid,
      exists (select 1 from jsonb_each(p.availability) e where jsonb_array_length(e.value) > 0) as has_slots,
      (a.user_id is not null) as absent,
      coalesce(l.codes, '{}') as languages,
      coalesce(b.ids, '{}') as backgrounds,
      coalesce(ld.n, 0) as load,
      coalesce(t.has_basic and (t.forever or t.until >= ${today}::date), false) as trained,
      (cf.user_id is not null) as conflict
    from users u
    join counsellor_profiles p on p.user_id = u.id
    left join municipalities hm on hm.id = p.home_municipality_id
    left join langs l on l.user_id = u.id
    left join bgs b on b.user_id = u.id
    left join load ld on ld.user_id = u.id
    left join absent a on a.user_id = u.id
    left join training t on t.user_id = u.id
    left join conflicts cf on cf.user_id = u.id
    where u.org_id = ${orgId} and u.role = 'counsellor' and u.status = 'active'
      ${onlyUserId ? sql`and u.id = ${onlyUserId}` : sql``}
  `.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    trained: r.trained,
    vogValid: r.vog_valid,
    activeCases: Number(r.load),
    maxCases: r.max_active_cases,
    available: r.has_slots && !r.absent,
    languages: r.languages,
    gender: r.gender,
    backgroundIds: r.backgrounds,
    homeMunicipalityId: r.home_municipality_id,
    homeProvince: r.home_province,
    servesMunicipalityIds: r.serves_municipality_ids,
    servesProvinces: r.serves_provinces,
    conflict: r.conflict,
  }));
}

/** What the case tells matching: languages and stated preferences, place, and earlier counsellors of the caller. */
export async function loadNeeds(db: Db, orgId: string, caseId: string): Promise<CaseNeeds | undefined> {
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
      'c.pref_background_id',
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
    prefBackgroundId: row.pref_background_id,
    municipalityId: row.municipality_id,
    province: row.province,
    previousCounsellorIds: [...new Set(previous.map((p) => p.counsellor_id!))],
  };
}
