import { sql, type Insertable } from 'kysely';
import type { MatchingWeights } from '../../../shared/matching.schema.js';
import type { Db } from '../../db/database.js';
import { countCaseloads } from '../counsellors/counsellors.repository.js';
import type { CaseConflictsTable, CaseOffersTable } from '../counsellors/counsellors.table.js';
import { FLAG, type Candidate, type CaseNeeds } from './matching.score.js';

/** A candidate as stored: the self-declared backgrounds are sealed, and opened by the service when scored. */
export type CandidateFacts = Omit<Candidate, 'backgroundIds'>;

/** The case's needs as stored: the stated background preference is sealed. */
type NeedsRow = Omit<CaseNeeds, 'prefBackgroundId'> & {
  prefBackgroundEnc: Uint8Array | null;
  /** The case's municipality as written, for the explanation of the region filter. */
  municipalityName: string;
};

/** What decides the hard filters besides the profile: caseload, absence today, training, a declared conflict. */
interface Standing {
  load: Map<string, number>;
  absent: Set<string>;
  trained: Map<string, boolean>;
  conflict: Set<string>;
}

/**
 * The standing of every counsellor of the organisation (or only of `onlyIds`) in four plain set queries (one
 * scan each, no per-counsellor query), merged in memory by id: a plan that does not depend on table
 * statistics, unlike one big join of aggregates, which the planner can turn into nested loops.
 */
async function standingOf(
  db: Db,
  orgId: string,
  today: string,
  caseId: string | null,
  onlyIds?: readonly string[],
): Promise<Standing> {
  const only = onlyIds ? sql`and user_id = any(${[...onlyIds]}::uuid[])` : sql``;
  const [load, absent, training, conflicts] = await Promise.all([
    countCaseloads(db, orgId, onlyIds),
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
        ${onlyIds ? sql`and ta.user_id = any(${[...onlyIds]}::uuid[])` : sql``}
      group by ta.user_id`.execute(db),
    caseId
      ? sql<{ user_id: string }>`select user_id from case_conflicts where case_id = ${caseId}`.execute(db)
      : Promise.resolve({ rows: [] }),
  ]);
  return {
    load,
    absent: new Set(absent.rows.map((a) => a.user_id)),
    trained: new Map(training.rows.map((r) => [r.user_id, r.trained])),
    conflict: new Set(conflicts.rows.map((c) => c.user_id)),
  };
}

/**
 * The hard-filter flags of every counsellor of the organisation for this case, as bits (`FLAG`), with
 * nothing else: the shortlist counts all of them and fetches the full facts only of those it can list.
 * `speaks` and `inRegion` are computed here in SQL exactly as `flagsOf` computes them from the facts (an
 * unknown place on either side never excludes); an integration test holds the two together.
 */
export async function candidateFlags(
  db: Db,
  orgId: string,
  today: string,
  caseId: string,
  needs: Pick<CaseNeeds, 'languages' | 'municipalityId' | 'province'>,
): Promise<{ id: string; mask: number }[]> {
  const municipality = needs.municipalityId || null;
  const province = needs.province || null;
  const bit = (name: keyof typeof FLAG) => sql.lit(FLAG[name]);
  const [profiles, standing] = await Promise.all([
    sql<{ id: string; mask: number; max_active_cases: number }>`
      select u.id, p.max_active_cases,
        case when p.status = 'active' then ${bit('active')} else 0 end
        | case when p.vog_expires_on >= ${today}::date then ${bit('vogValid')} else 0 end
        | case when p.has_slots then ${bit('available')} else 0 end
        | case when p.language_codes && ${needs.languages}::text[] then ${bit('speaks')} else 0 end
        | case when (${municipality}::uuid is null and ${province}::text is null)
            or (p.home_municipality_id is null and cardinality(p.serves_municipality_ids) = 0
                and cardinality(p.serves_provinces) = 0)
            or p.home_municipality_id = ${municipality}::uuid
            or ${municipality}::uuid = any(p.serves_municipality_ids)
            or hm.province = ${province}::text
            or ${province}::text = any(p.serves_provinces)
          then ${bit('inRegion')} else 0 end
        | case when p.remote then ${bit('remote')} else 0 end as mask
      from users u
      join counsellor_profiles p on p.user_id = u.id
      left join municipalities hm on hm.id = p.home_municipality_id
      where u.org_id = ${orgId} and u.role = 'counsellor' and u.status = 'active'`.execute(db),
    standingOf(db, orgId, today, caseId),
  ]);
  return profiles.rows.map((r) => {
    let mask = r.mask;
    if ((standing.load.get(r.id) ?? 0) < r.max_active_cases) mask |= FLAG.capacity;
    if (standing.absent.has(r.id)) mask &= ~FLAG.available;
    if (standing.trained.get(r.id)) mask |= FLAG.trained;
    if (standing.conflict.has(r.id)) mask |= FLAG.conflict;
    return { id: r.id, mask };
  });
}

/**
 * Counsellors of the organisation with what the hard filters and the score need: every one, or only those
 * of `onlyIds` (the shortlist's listable ones, or the one counsellor an offer goes to).
 */
export async function listCandidates(
  db: Db,
  orgId: string,
  today: string,
  caseId: string | null,
  onlyIds?: readonly string[],
): Promise<CandidateFacts[]> {
  if (onlyIds?.length === 0) return [];
  // Each query returns at most one row per counsellor; arrays are aggregated and cast in SQL.
  const [base, standing] = await Promise.all([
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
        ${onlyIds ? sql`and u.id = any(${[...onlyIds]}::uuid[])` : sql``}`.execute(db),
    standingOf(db, orgId, today, caseId, onlyIds),
  ]);
  return base.rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    status: r.status,
    trained: standing.trained.get(r.id) ?? false,
    vogValid: r.vog_valid,
    activeCases: standing.load.get(r.id) ?? 0,
    maxCases: r.max_active_cases,
    available: r.has_slots && !standing.absent.has(r.id),
    languages: list(r.language_codes, ','),
    gender: r.gender,
    homeMunicipalityId: r.home_municipality_id,
    homeProvince: r.home_province,
    servesMunicipalityIds: list(r.serves_municipality_ids, ','),
    servesProvinces: list(r.serves_provinces, '|'),
    conflict: standing.conflict.has(r.id),
    remote: r.remote,
  }));
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

/** The sealed background lists of these counsellors (only those who have one). */
export async function sealedBackgrounds(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('counsellor_profiles')
    .select(['user_id as id', 'background_ids_enc as sealed'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', ids)
    .where('background_ids_enc', 'is not', null)
    .execute();
}

/** What the case tells matching: languages and stated preferences, place, and earlier counsellors of the caller. */
export async function findCaseNeeds(db: Db, orgId: string, caseId: string): Promise<NeedsRow | undefined> {
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

/** The organisation's own matching weights (a partial set; defaults fill the rest), or undefined. */
export async function findMatchingWeights(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisations')
    .select('matching_weights')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.matching_weights ?? undefined;
}

export async function updateMatchingWeights(
  db: Db,
  orgId: string,
  weights: MatchingWeights,
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ matching_weights: JSON.stringify(weights), updated_at: now })
    .where('id', '=', orgId)
    .execute();
}

/** How many hours a counsellor has to answer an offer; throws when the organisation is missing. */
export async function getOfferTimeoutHours(db: Db, orgId: string): Promise<number> {
  const org = await db
    .selectFrom('organisations')
    .select('offer_timeout_hours')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return org.offer_timeout_hours;
}

export async function insertOffer(db: Db, row: Insertable<CaseOffersTable>): Promise<void> {
  await db.insertInto('case_offers').values(row).execute();
}

/** A case in intake moves to matching when its first offer goes out. */
export async function markCaseMatching(db: Db, caseId: string, now: Date): Promise<void> {
  await db
    .updateTable('cases')
    .set({ state: 'matching', updated_at: now, last_activity_at: now })
    .where('id', '=', caseId)
    .execute();
}

/** Offers of the organisation, newest first, with the case reference and the counsellor's name. */
export async function listOffers(
  db: Db,
  orgId: string,
  where: { caseId?: string; counsellorId?: string; pendingOnly?: boolean },
) {
  let q = db
    .selectFrom('case_offers as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .innerJoin('users as u', 'u.id', 'o.counsellor_id')
    .select([
      'o.id',
      'o.case_id',
      'c.reference',
      'o.counsellor_id',
      'u.display_name',
      'o.status',
      'o.decline_reason',
      'o.note_enc',
      'o.created_at',
      'o.expires_at',
      'o.responded_at',
      'o.reach',
      'o.interpreter_language',
    ])
    .where('o.org_id', '=', orgId);
  if (where.caseId) q = q.where('o.case_id', '=', where.caseId);
  if (where.counsellorId) q = q.where('o.counsellor_id', '=', where.counsellorId);
  if (where.pendingOnly) q = q.where('o.status', '=', 'pending');
  return q.orderBy('o.created_at', 'desc').execute();
}

/** Withdraws every pending offer of a case; returns the ids withdrawn. */
export async function withdrawPendingOffers(db: Db, caseId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('case_offers')
    .set({ status: 'withdrawn', responded_at: now })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function findOffer(db: Db, id: string) {
  return db
    .selectFrom('case_offers')
    .select(['id', 'case_id', 'counsellor_id', 'status', 'expires_at', 'reach', 'interpreter_language'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The case's counsellor and state, locked until the transaction ends; throws when the case is missing. */
export async function getCaseAssignmentForUpdate(db: Db, caseId: string) {
  return db
    .selectFrom('cases')
    .select(['counsellor_id', 'state'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Marks a pending offer accepted; false when it was no longer pending. */
export async function acceptPendingOffer(db: Db, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('case_offers')
    .set({ status: 'accepted', responded_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Marks a pending offer declined, with the reason and the sealed note. */
export async function declinePendingOffer(
  db: Db,
  id: string,
  decline: { reason: string; noteEnc: Uint8Array | null; now: Date },
): Promise<void> {
  await db
    .updateTable('case_offers')
    .set({
      status: 'declined',
      decline_reason: decline.reason,
      note_enc: decline.noteEnc,
      responded_at: decline.now,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records a declared conflict of interest (once per case and counsellor). */
export async function insertConflict(db: Db, row: Insertable<CaseConflictsTable>): Promise<void> {
  await db
    .insertInto('case_conflicts')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();
}

export async function expireOffer(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('case_offers')
    .set({ status: 'expired', responded_at: now })
    .where('id', '=', id)
    .execute();
}
