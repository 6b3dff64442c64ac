import { type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseAccessGrantsTable, CasesTable } from './cases.table.js';

/** The next reference of the year for the organisation (2026-0001, 2026-0002, …); row lock serialises it. */
export async function nextReference(db: Db, orgId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('case_counters')
    .values({ org_id: orgId, year, n: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ n: eb('case_counters.n', '+', 1) })),
    )
    .returning('n')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.n).padStart(4, '0')}`;
}

export async function insertCase(db: Db, row: Insertable<CasesTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

const CASE_COLUMNS = [
  'id',
  'org_id',
  'reference',
  'state',
  'urgent',
  'category_id',
  'caller_id',
  'coordinator_id',
  'counsellor_id',
  'support_level',
  'municipality',
  'summary_enc',
  'opened_at',
  'closed_at',
  'closure_id',
  'handover_municipality',
  'handover_on',
  'pref_gender',
  'pref_background_enc',
  'pref_language',
] as const;

export async function findCase(db: Db, id: string) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'org_id',
      'reference',
      'state',
      'urgent',
      'category_id',
      'caller_id',
      'coordinator_id',
      'counsellor_id',
      'support_level',
      'municipality',
      'summary_enc',
      'opened_at',
      'closed_at',
      'closure_id',
      'handover_municipality',
      'handover_on',
      'pref_gender',
      'pref_background_enc',
      'pref_language',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/**
 * A case and whether the user holds a live reasoned-access grant to it, in one statement (`userId` null: a
 * system actor, who holds none).
 */
export async function findCaseWithGrant(db: Db, id: string, userId: string | null, now: Date) {
  const row = await db
    .selectFrom('cases as c')
    .select(CASE_COLUMNS.map((c) => `c.${c}` as const))
    .select((eb) =>
      (userId === null
        ? eb.val(false)
        : eb.exists(
            eb
              .selectFrom('case_access_grants as g')
              .select('g.id')
              .whereRef('g.case_id', '=', 'c.id')
              .where('g.user_id', '=', userId)
              .where('g.expires_at', '>', now),
          )
      ).as('granted'),
    )
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { granted, ...caseRow } = row;
  return { row: caseRow, granted: Boolean(granted) };
}

export async function insertGrant(db: Db, row: Insertable<CaseAccessGrantsTable>): Promise<void> {
  await db.insertInto('case_access_grants').values(row).execute();
}

export type CasePatch = Updateable<CasesTable>;

export async function updateCase(db: Db, id: string, patch: CasePatch): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

/**
 * Gives the case to a counsellor and makes it active: the one definition, used by the coordinator's assignment
 * and by a counsellor accepting an offer. The first assignment's time is kept on a reassignment (reports
 * measure the time to the first assignment).
 */
export async function assignCase(db: Db, id: string, counsellorId: string, now: Date): Promise<void> {
  await db
    .updateTable('cases')
    .set((eb) => ({
      counsellor_id: counsellorId,
      state: 'active',
      first_assigned_at: eb.fn.coalesce('first_assigned_at', eb.val(now)),
      last_activity_at: now,
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

/** A user of the organisation with role and status, for the policy to judge. */
export async function userOfOrg(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** The organisation's own aftercare schedule, if it set one. */
export async function aftercareScheduleOf(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisations')
    .select('aftercare_schedule')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.aftercare_schedule ?? null;
}

export async function touchCase(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('cases')
    .set({ last_activity_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Coordinators of the organisation, for urgent alerts. */
export async function coordinatorIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'coordinator')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** Hands a case's open tasks from one person to another (a reassignment): nothing stays with the old counsellor. */
export async function moveOpenTasks(
  db: Db,
  caseId: string,
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ assignee_id: toUserId })
    .where('case_id', '=', caseId)
    .where('assignee_id', '=', fromUserId)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}
