import { sql, type Insertable } from 'kysely';
import type { Labels } from '../../../shared/taxonomy.schema.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type {
  CaseObservationsTable,
  CaseSubjectsTable,
  SubjectStatusEventsTable,
} from '../cases/cases.table.js';
import type { CallersTable, ContactObservationsTable, ContactsTable } from './intake.table.js';

/** What saving a call must know before it writes, read in one round trip. */
export interface IntakeFacts {
  /** The contact a save with this request id already made, if any. */
  existing: {
    id: string;
    case_id: string | null;
    reference: string | null;
    immediate_danger: boolean;
  } | null;
  /** The newest caller with this phone index, if a phone was given and is known. */
  callerId: string | null;
  /** The terms behind the given ids that the organisation can see. */
  terms: { id: string; org_id: string; kind: string; active: boolean; labels: Labels }[];
}

/**
 * The request's earlier contact, the known caller and the named terms, as three sub-selects of one
 * statement: they were three round trips (four with the category and relation read apart), each a socket
 * write and a wake-up on a busy server. RLS keeps every part to the organisation.
 */
export async function intakeFacts(
  db: Db,
  q: { requestId: string; phoneHmac: Buffer | null; termIds: string[] },
): Promise<IntakeFacts> {
  const ids = q.termIds.length
    ? sql`t.id in (${sql.join(q.termIds.map((id) => sql`${id}::uuid`))})`
    : sql`false`;
  const { rows } = await sql<IntakeFacts>`
    select
      (select json_build_object('id', k.id, 'case_id', k.case_id, 'reference', c.reference,
                                'immediate_danger', k.immediate_danger)
         from contacts k left join cases c on c.id = k.case_id
        where k.request_id = ${q.requestId}::uuid limit 1) as existing,
      (select id from callers where phone_hmac = ${q.phoneHmac} order by created_at desc limit 1) as "callerId",
      (select coalesce(json_agg(json_build_object('id', t.id, 'org_id', t.org_id, 'kind', t.kind,
                                                  'active', t.active, 'labels', t.labels)), '[]'::json)
         from taxonomy_terms t where ${ids}) as terms
  `.execute(db);
  return rows[0]!;
}

/**
 * Inserts the contact unless a save with the same request id got there first: that one holds the unique
 * (organisation, request id) entry until it commits, and this insert then writes nothing and returns false.
 */
export async function insertContactOnce(db: Db, row: Insertable<ContactsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'request_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findCallerByPhone(db: Db, phoneHmac: Buffer) {
  return db
    .selectFrom('callers')
    .select(['id'])
    .where('phone_hmac', '=', phoneHmac)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertCaller(db: Db, row: Insertable<CallersTable>): Promise<void> {
  await db.insertInto('callers').values(row).execute();
}

/** Cases of every caller with this phone index, newest first, with their counsellor's name. */
export async function casesByPhone(db: Db, phoneHmac: Buffer) {
  return db
    .selectFrom('cases as c')
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .leftJoin('users as u', 'u.id', 'c.counsellor_id')
    .select(['c.id', 'c.reference', 'c.state', 'u.display_name as counsellor_name'])
    .where('k.phone_hmac', '=', phoneHmac)
    .orderBy('c.opened_at', 'desc')
    .limit(10)
    .execute();
}

export async function findDraft(db: Db, id: string) {
  return db
    .selectFrom('intake_drafts')
    .select(['id', 'user_id', 'data_enc', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDrafts(db: Db, userId: string) {
  return db
    .selectFrom('intake_drafts')
    .select(['id', 'data_enc', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute();
}

/** Creates or replaces one of the user's own drafts; false when the id is someone else's (nothing written). */
export async function upsertDraft(
  db: Db,
  row: { id: string; org_id: string; user_id: string; data_enc: Buffer; updated_at: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('intake_drafts')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ data_enc: row.data_enc, updated_at: row.updated_at })
        .where('intake_drafts.user_id', '=', row.user_id),
    )
    .executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Deletes one of the user's own drafts; returns whether there was one. */
export async function deleteDraft(db: Db, id: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('intake_drafts')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function insertContactObservations(
  db: Db,
  rows: Insertable<ContactObservationsTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('contact_observations').values(rows).execute();
}

/** The organisation's time zone (for "today") and default language (for term labels), in one look-up. */
export async function orgSettings(
  db: Db,
  orgId: string,
): Promise<{ time_zone: string; default_language: string }> {
  const row = await db
    .selectFrom('organisations')
    .select(['time_zone', 'default_language'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('organisation');
  return row;
}

/** A linked case becomes urgent when a call reports immediate danger. */
export async function markCaseUrgent(db: Db, caseId: string): Promise<void> {
  await db.updateTable('cases').set({ urgent: true }).where('id', '=', caseId).execute();
}

/** The signals and protective factors carried into a case, in one statement. */
export async function insertCaseObservations(
  db: Db,
  rows: Insertable<CaseObservationsTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('case_observations').values(rows).execute();
}

export async function insertCaseSubject(db: Db, row: Insertable<CaseSubjectsTable>): Promise<void> {
  await db.insertInto('case_subjects').values(row).execute();
}

export async function insertStatusEvent(db: Db, row: Insertable<SubjectStatusEventsTable>): Promise<void> {
  await db.insertInto('subject_status_events').values(row).execute();
}
