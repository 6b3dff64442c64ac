import { sql, type Insertable, type Updateable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { CaseListQuery } from '../../../shared/cases.schema.js';
import type { Db } from '../../db/database.js';
import type { KeysetCursor } from '../../lib/cursor.js';
import type { CaseAccessGrantsTable, CaseLogTable, CasesTable } from './cases.table.js';

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

/** A bytea inside JSON arrives as `\\x…` hex text. */
function bytes(hex: string): Buffer {
  return Buffer.from(hex.slice(2), 'hex');
}
function bytesOrNull(hex: string | null): Buffer | null {
  return hex === null ? null : bytes(hex);
}

/**
 * Everything the case page shows besides the case row, in one statement: the caller (whether a phone number
 * is on file, never the number), the counsellor's name, and each list of items, every list as one JSON array
 * in its display order. Sealed columns come back as bytes, still sealed.
 */
export async function caseContents(
  db: Db,
  c: { id: string; caller_id: string; counsellor_id: string | null },
) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('callers as k')
          .select(['k.alias_enc', 'k.language', 'k.municipality'])
          .select(sql<boolean>`k.phone_enc is not null`.as('has_phone'))
          .where('k.id', '=', c.caller_id),
      ).as('caller'),
      jsonObjectFrom(
        eb
          .selectFrom('users as u')
          .select(['u.id', 'u.display_name'])
          // No counsellor: `= null` matches no row.
          .where('u.id', '=', c.counsellor_id as string),
      ).as('counsellor'),
      jsonArrayFrom(
        eb
          .selectFrom('case_subjects')
          .select(['id', 'alias_enc', 'relation_id', 'age_band', 'gender', 'municipality'])
          .where('case_id', '=', c.id)
          .orderBy('created_at'),
      ).as('subjects'),
      jsonArrayFrom(
        eb
          .selectFrom('subject_status_events')
          .select(['id', 'subject_id', 'status', 'occurred_on', 'note_enc'])
          .where('case_id', '=', c.id)
          .orderBy('occurred_on')
          .orderBy('created_at'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('case_observations')
          .select(['id', 'kind', 'observed_on', 'text_enc'])
          .where('case_id', '=', c.id)
          .orderBy('observed_on')
          .orderBy('created_at'),
      ).as('observations'),
      jsonArrayFrom(
        eb
          .selectFrom('case_goals')
          .select(['id', 'text_enc', 'status'])
          .where('case_id', '=', c.id)
          .orderBy('created_at'),
      ).as('goals'),
      jsonArrayFrom(
        eb
          .selectFrom('case_log as l')
          .leftJoin('users as a', 'a.id', 'l.author_id')
          .select([
            'l.id',
            'l.occurred_at',
            'l.channel',
            'l.duration_minutes',
            'l.with_whom_enc',
            'l.note_enc',
            'l.contact_id',
            'a.display_name as author_name',
          ])
          .where('l.case_id', '=', c.id)
          .orderBy('l.occurred_at', 'desc'),
      ).as('log'),
      jsonArrayFrom(
        eb
          .selectFrom('case_interventions')
          .select(['id', 'intervention_id', 'occurred_on', 'note_enc'])
          .where('case_id', '=', c.id)
          .orderBy('occurred_on'),
      ).as('interventions'),
      jsonArrayFrom(
        eb
          .selectFrom('tasks')
          .select(['id', 'kind', 'title_enc', 'due_on', 'assignee_id'])
          .select(sql<boolean>`done_at is not null`.as('done'))
          .where('case_id', '=', c.id)
          .where('cancelled_at', 'is', null)
          .orderBy('due_on'),
      ).as('tasks'),
    ])
    .executeTakeFirstOrThrow();
  // JSON carries bytea as hex text and timestamps as text: give them their types back.
  const hexOf = (v: unknown) => v as string;
  const caller = row.caller;
  if (!caller) throw new Error('The case has no caller');
  return {
    caller: { ...caller, alias_enc: bytes(hexOf(caller.alias_enc)) },
    counsellor: row.counsellor,
    subjects: row.subjects.map((r) => ({ ...r, alias_enc: bytes(hexOf(r.alias_enc)) })),
    events: row.events.map((r) => ({ ...r, note_enc: bytesOrNull(hexOf(r.note_enc)) })),
    observations: row.observations.map((r) => ({ ...r, text_enc: bytes(hexOf(r.text_enc)) })),
    goals: row.goals.map((r) => ({ ...r, text_enc: bytes(hexOf(r.text_enc)) })),
    log: row.log.map((r) => ({
      ...r,
      occurred_at: new Date(r.occurred_at),
      with_whom_enc: bytesOrNull(hexOf(r.with_whom_enc)),
      note_enc: bytes(hexOf(r.note_enc)),
    })),
    interventions: row.interventions.map((r) => ({ ...r, note_enc: bytesOrNull(hexOf(r.note_enc)) })),
    tasks: row.tasks.map((r) => ({ ...r, title_enc: bytes(hexOf(r.title_enc)) })),
  };
}

export async function insertGrant(db: Db, row: Insertable<CaseAccessGrantsTable>): Promise<void> {
  await db.insertInto('case_access_grants').values(row).execute();
}

export type CasePatch = Updateable<CasesTable>;

export async function updateCase(db: Db, id: string, patch: CasePatch): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

/** Gives the case to a counsellor and makes it active; the first assignment's time is kept (reports use it). */
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

/**
 * The cases a list may show (see `caseListScope` in the policy): the organisation's, and only the
 * counsellor's own when `counsellorId` is given. Every list of cases starts here, the search included.
 */
export function visibleCases(db: Db, scope: { orgId: string; counsellorId?: string }) {
  const query = db.selectFrom('cases as c').where('c.org_id', '=', scope.orgId);
  return scope.counsellorId ? query.where('c.counsellor_id', '=', scope.counsellorId) : query;
}

/**
 * One page of cases, filtered and sorted on the server with a keyset cursor. `scopeCounsellorId` limits a
 * counsellor to their own cases in the WHERE clause itself. The `from`/`to` days of the query are applied
 * as `openedFrom`/`openedBefore` instants, which the service computes in the organisation's time zone.
 */
export async function listCases(
  db: Db,
  orgId: string,
  q: CaseListQuery,
  today: string,
  opts: { scopeCounsellorId?: string; openedFrom?: Date; openedBefore?: Date; cursor?: KeysetCursor } = {},
) {
  const { scopeCounsellorId, cursor } = opts;
  const sortColumn = q.sort === 'activity_desc' ? 'c.last_activity_at' : 'c.opened_at';
  const desc = q.sort !== 'opened_asc';
  let query = visibleCases(db, { orgId, ...(scopeCounsellorId ? { counsellorId: scopeCounsellorId } : {}) })
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .leftJoin('users as u', 'u.id', 'c.counsellor_id')
    .select([
      'c.id',
      'c.reference',
      'c.state',
      'c.urgent',
      'c.category_id',
      'c.municipality',
      'c.counsellor_id',
      'c.caller_id',
      'k.alias_enc as caller_alias_enc',
      'u.display_name as counsellor_name',
      'c.opened_at',
      'c.last_activity_at',
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('t.case_id', '=', 'c.id')
          .where('t.done_at', 'is', null)
          .where('t.cancelled_at', 'is', null)
          .where('t.due_on', '<', today)
          .as('overdue_tasks'),
    ]);
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.categoryId) query = query.where('c.category_id', '=', q.categoryId);
  if (q.counsellorId) query = query.where('c.counsellor_id', '=', q.counsellorId);
  if (q.municipality) query = query.where(sql`lower(c.municipality)`, '=', q.municipality.toLowerCase());
  if (q.urgent) query = query.where('c.urgent', '=', q.urgent === 'true');
  if (opts.openedFrom) query = query.where('c.opened_at', '>=', opts.openedFrom);
  if (opts.openedBefore) query = query.where('c.opened_at', '<', opts.openedBefore);
  if (q.overdue) {
    const overdue = sql<boolean>`exists (select 1 from tasks t where t.case_id = c.id and t.done_at is null and t.cancelled_at is null and t.due_on < ${today})`;
    query = query.where(q.overdue === 'true' ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (cursor) {
    const t = cursor.at;
    query = query.where((eb) =>
      eb.or([
        eb(sortColumn, desc ? '<' : '>', t),
        eb.and([eb(sortColumn, '=', t), eb('c.id', desc ? '<' : '>', cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy(sortColumn, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(q.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, overdue_tasks: Number(r.overdue_tasks ?? 0) }));
}

export async function subjects(db: Db, caseId: string) {
  return db
    .selectFrom('case_subjects')
    .select(['id', 'alias_enc', 'relation_id', 'age_band', 'gender', 'municipality'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function statusEvents(db: Db, caseId: string) {
  return db
    .selectFrom('subject_status_events')
    .select(['id', 'subject_id', 'status', 'occurred_on', 'note_enc'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
}

export async function observations(db: Db, caseId: string) {
  return db
    .selectFrom('case_observations')
    .select(['id', 'kind', 'observed_on', 'text_enc'])
    .where('case_id', '=', caseId)
    .orderBy('observed_on')
    .orderBy('created_at')
    .execute();
}

export async function goals(db: Db, caseId: string) {
  return db
    .selectFrom('case_goals')
    .select(['id', 'text_enc', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function insertLogEntry(db: Db, row: Insertable<CaseLogTable>): Promise<void> {
  await db.insertInto('case_log').values(row).execute();
}

export async function logEntries(db: Db, caseId: string) {
  return db
    .selectFrom('case_log as l')
    .leftJoin('users as u', 'u.id', 'l.author_id')
    .select([
      'l.id',
      'l.occurred_at',
      'l.channel',
      'l.duration_minutes',
      'l.with_whom_enc',
      'l.note_enc',
      'l.contact_id',
      'u.display_name as author_name',
    ])
    .where('l.case_id', '=', caseId)
    .orderBy('l.occurred_at', 'desc')
    .execute();
}

export async function findLogByRequest(db: Db, requestId: string) {
  return db
    .selectFrom('case_log')
    .select(['id', 'case_id'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
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
