import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type {
  CaseObservationsTable,
  CaseSubjectsTable,
  SubjectStatusEventsTable,
} from '../cases/cases.table.js';
import type { CallersTable, ContactObservationsTable, ContactsTable } from './intake.table.js';

/** Holds saves of the same request id apart until the end of the transaction. */
export async function lockRequest(db: Db, requestId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`intake:${requestId}`}))`.execute(db);
}

export async function findContactByRequest(db: Db, requestId: string) {
  return db
    .selectFrom('contacts as k')
    .leftJoin('cases as c', 'c.id', 'k.case_id')
    .select(['k.id', 'k.case_id', 'c.reference', 'k.immediate_danger'])
    .where('k.request_id', '=', requestId)
    .executeTakeFirst();
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

export async function insertContact(db: Db, row: Insertable<ContactsTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
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

/** The terms behind a set of ids, in one query (RLS keeps them to the organisation). */
export async function findTerms(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'org_id', 'kind', 'active', 'labels'])
    .where('id', 'in', ids)
    .execute();
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
