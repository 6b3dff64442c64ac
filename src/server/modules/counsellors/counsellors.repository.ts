import type { Db } from '../../db/database.js';
import type { CounsellorProfilesTable } from './counsellors.table.js';
import { sql, type Updateable } from 'kysely';

/**
 * The one definition of a counsellor's caseload, used by the capacity filter, the shortlist, the counsellor
 * list and the assign dialog alike: the cases they work now (assigned, state active) plus the cases offered to
 * them and awaiting their answer (an offer holds a place), each case counted once. Counsellors without any
 * are absent from the map (zero).
 */
export async function countCaseloads(
  db: Db,
  orgId: string,
  onlyUserIds?: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await sql<{ user_id: string; n: number }>`
    select counsellor_id as user_id, count(distinct case_id)::int as n from (
      select counsellor_id, id as case_id from cases
      where org_id = ${orgId} and state = 'active' and counsellor_id is not null
      union all
      select counsellor_id, case_id from case_offers where org_id = ${orgId} and status = 'pending'
    ) x
    ${onlyUserIds ? sql`where counsellor_id = any(${[...onlyUserIds]}::uuid[])` : sql``}
    group by counsellor_id`.execute(db);
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

/** A user account with what decides whether it is a counsellor of the organisation (no e-mail, no secrets). */
export async function findAccount(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'org_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The organisation's active counsellors by name: ids and names only. */
export async function listActiveCounsellors(db: Db, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'counsellor')
    .where('status', '=', 'active')
    .orderBy('display_name')
    .execute();
}

export async function findProfile(db: Db, userId: string) {
  return db
    .selectFrom('counsellor_profiles')
    .select([
      'status',
      'gender',
      'home_municipality_id',
      'serves_municipality_ids',
      'serves_provinces',
      'remote',
      'max_active_cases',
      'availability',
      'vog_issued_on',
      'vog_expires_on',
      'background_ids_enc',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listLanguages(db: Db, userId: string) {
  return db
    .selectFrom('counsellor_languages')
    .select(['code', 'level'])
    .where('user_id', '=', userId)
    .orderBy('code')
    .execute();
}

type ProfilePatch = Omit<Updateable<CounsellorProfilesTable>, 'user_id' | 'org_id'> & { updated_at: Date };

/** Creates the profile with these fields, or changes them on the existing one. */
export async function upsertProfile(
  db: Db,
  orgId: string,
  userId: string,
  patch: ProfilePatch,
): Promise<void> {
  await db
    .insertInto('counsellor_profiles')
    .values({ user_id: userId, org_id: orgId, ...patch })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(patch))
    .execute();
}

/** Replaces the counsellor's languages with these. */
export async function replaceLanguages(
  db: Db,
  orgId: string,
  userId: string,
  languages: readonly { code: string; level: 'basic' | 'good' | 'native' }[],
): Promise<void> {
  await db.deleteFrom('counsellor_languages').where('user_id', '=', userId).execute();
  if (languages.length === 0) return;
  await db
    .insertInto('counsellor_languages')
    .values(languages.map((l) => ({ org_id: orgId, user_id: userId, code: l.code, level: l.level })))
    .execute();
}

/** The read model matching uses, kept on the profile row: language codes and the sealed backgrounds. */
export async function updateMatchingFacts(
  db: Db,
  userId: string,
  facts: Pick<Updateable<CounsellorProfilesTable>, 'language_codes' | 'background_ids_enc'>,
): Promise<void> {
  await db.updateTable('counsellor_profiles').set(facts).where('user_id', '=', userId).execute();
}

export async function listAbsences(db: Db, userId: string) {
  return db
    .selectFrom('counsellor_absences')
    .select(['id', 'from_date', 'to_date', 'note_enc'])
    .where('user_id', '=', userId)
    .orderBy('from_date')
    .execute();
}

export async function insertAbsence(
  db: Db,
  row: {
    id: string;
    org_id: string;
    user_id: string;
    from_date: string;
    to_date: string;
    note_enc: Uint8Array | null;
  },
): Promise<void> {
  await db.insertInto('counsellor_absences').values(row).execute();
}

/** Deletes one of the counsellor's absences; false when they have no such absence. */
export async function deleteAbsence(db: Db, userId: string, absenceId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('counsellor_absences')
    .where('id', '=', absenceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
