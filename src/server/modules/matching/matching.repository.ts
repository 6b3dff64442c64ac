import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Candidate, CaseNeeds } from './matching.score.js';

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
): Promise<Candidate[]> {
  const only = <Q extends { where: (...args: never[]) => Q }>(q: Q, column: string): Q =>
    onlyUserId ? (q.where as unknown as (c: string, op: string, v: string) => Q)(column, '=', onlyUserId) : q;
  const [base, langs, bgs, load, absent, training, conflicts] = await Promise.all([
    only(
      db
        .selectFrom('users as u')
        .innerJoin('counsellor_profiles as p', 'p.user_id', 'u.id')
        .leftJoin('municipalities as hm', 'hm.id', 'p.home_municipality_id')
        .select([
          'u.id',
          'u.display_name',
          'p.status',
          'p.gender',
          'p.home_municipality_id',
          'hm.province as home_province',
          'p.serves_municipality_ids',
          'p.serves_provinces',
          'p.max_active_cases',
          'p.vog_expires_on',
          'p.availability',
        ])
        .where('u.org_id', '=', orgId)
        .where('u.role', '=', 'counsellor')
        .where('u.status', '=', 'active'),
      'u.id',
    ).execute(),
    only(
      db.selectFrom('counsellor_languages').select(['user_id', 'code']).where('org_id', '=', orgId),
      'user_id',
    ).execute(),
    only(
      db.selectFrom('counsellor_backgrounds').select(['user_id', 'term_id']).where('org_id', '=', orgId),
      'user_id',
    ).execute(),
    sql<{ user_id: string; n: number }>`
      select counsellor_id as user_id, count(*)::int as n from (
        select counsellor_id from cases where org_id = ${orgId} and state = 'active' and counsellor_id is not null
        union all
        select counsellor_id from case_offers where org_id = ${orgId} and status = 'pending'
      ) x group by counsellor_id`.execute(db),
    only(
      db
        .selectFrom('counsellor_absences')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('from_date', '<=', today)
        .where('to_date', '>=', today),
      'user_id',
    ).execute(),
    only(
      db
        .selectFrom('training_attendance as ta')
        .innerJoin('training_sessions as s', 's.id', 'ta.session_id')
        .innerJoin('courses as co', 'co.id', 's.course_id')
        .select(['ta.user_id', 'co.kind', 'ta.expires_on'])
        .where('ta.org_id', '=', orgId)
        .where('ta.completed_on', 'is not', null)
        .where('co.kind', 'in', ['basic', 'refresher']),
      'ta.user_id',
    ).execute(),
    caseId
      ? db.selectFrom('case_conflicts').select('user_id').where('case_id', '=', caseId).execute()
      : Promise.resolve([]),
  ]);
  const group = <T extends { user_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r]);
    return m;
  };
  const langsBy = group(langs);
  const bgsBy = group(bgs);
  const trainingBy = group(training);
  const loadBy = new Map(load.rows.map((r) => [r.user_id, Number(r.n)]));
  const absentSet = new Set(absent.map((a) => a.user_id));
  const conflictSet = new Set(conflicts.map((c) => c.user_id));
  return base.map((r) => {
    const t = trainingBy.get(r.id) ?? [];
    const trained =
      t.some((x) => x.kind === 'basic') && t.some((x) => x.expires_on === null || x.expires_on >= today);
    const hasSlots = Object.values(r.availability ?? {}).some(
      (slots) => Array.isArray(slots) && slots.length > 0,
    );
    return {
      id: r.id,
      name: r.display_name,
      status: r.status,
      trained,
      vogValid: r.vog_expires_on !== null && r.vog_expires_on >= today,
      activeCases: loadBy.get(r.id) ?? 0,
      maxCases: r.max_active_cases,
      available: hasSlots && !absentSet.has(r.id),
      languages: (langsBy.get(r.id) ?? []).map((l) => l.code).sort(),
      gender: r.gender,
      backgroundIds: (bgsBy.get(r.id) ?? []).map((b) => b.term_id).sort(),
      homeMunicipalityId: r.home_municipality_id,
      homeProvince: r.home_province,
      servesMunicipalityIds: r.serves_municipality_ids,
      servesProvinces: r.serves_provinces,
      conflict: conflictSet.has(r.id),
    };
  });
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
