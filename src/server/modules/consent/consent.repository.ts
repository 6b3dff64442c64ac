import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { ConsentFacts } from './consent.coverage.js';
import type { ConsentDocumentsTable, ConsentsTable } from './consent.table.js';

export async function insertConsent(db: Db, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

/** Every column of a consent row the service reads; the sealed fields are opened only when shown. */
const CONSENT_COLUMNS = [
  'c.id',
  'c.org_id',
  'c.case_id',
  'c.given_by_enc',
  'c.categories',
  'c.partner_id',
  'c.partner_type',
  'c.purpose',
  'c.purpose_note_enc',
  'c.method',
  'c.language',
  'c.given_on',
  'c.valid_until',
  'c.written_on',
  'c.written_due_on',
  'c.typed_name_enc',
  'c.drawn_signature_enc',
  'c.withdrawn_on',
  'c.withdrawn_at',
  'c.withdrawal_note_enc',
  'c.recorded_by',
  'c.created_at',
  'c.typed_present_enc',
  'c.typed_device_enc',
  'c.typed_shown_text_enc',
  'c.typed_shown_sha256',
  'c.typed_signed_at',
  'c.typed_signed_by',
  'c.typed_confirmed_by',
  'c.typed_confirmed_at',
] as const;

function consentRows(db: Db, caseId: string) {
  return db
    .selectFrom('consents as c')
    .leftJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .leftJoin('users as su', 'su.id', 'c.typed_signed_by')
    .leftJoin('users as cu', 'cu.id', 'c.typed_confirmed_by')
    .leftJoin('consent_documents as d', 'd.consent_id', 'c.id')
    .select(CONSENT_COLUMNS)
    .select([
      'p.name as partner_name',
      'p.type as partner_kind',
      'u.display_name as recorded_by_name',
      'su.display_name as typed_signed_by_name',
      'cu.display_name as typed_confirmed_by_name',
      'd.id as document_id',
      'd.file_name_enc',
      'd.media_type',
      'd.size as document_size',
      'd.uploaded_at',
    ])
    .where('c.case_id', '=', caseId);
}

/** The consents of a case with their partner, people and signed form, newest first. */
export async function listConsentRows(db: Db, caseId: string) {
  return consentRows(db, caseId).orderBy('c.given_on', 'desc').orderBy('c.created_at', 'desc').execute();
}
export type ConsentRow = Awaited<ReturnType<typeof listConsentRows>>[number];

export async function findConsentRow(db: Db, caseId: string, id: string): Promise<ConsentRow | undefined> {
  return consentRows(db, caseId).where('c.id', '=', id).executeTakeFirst();
}

/** Locks the consent row for the rest of the transaction: changes to one consent queue up. */
export async function lockConsent(db: Db, id: string): Promise<void> {
  await db.selectFrom('consents').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateConsent(db: Db, id: string, patch: Updateable<ConsentsTable>): Promise<void> {
  await db.updateTable('consents').set(patch).where('id', '=', id).execute();
}

/** The dates a summary names as its basis; throws `not_found` when there is no such consent. */
export async function getConsentDates(db: Db, id: string) {
  const row = await db
    .selectFrom('consents')
    .select(['given_on', 'valid_until'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('consent');
  return row;
}

/**
 * The facts coverage is decided on, for every consent of the case, and which of them rest on a typed name
 * that no second staff member has confirmed (yet). One query; read in the caller's transaction.
 */
export async function consentFactsForDisclosure(
  db: Db,
  caseId: string,
): Promise<{ facts: ConsentFacts[]; unconfirmedTyped: Set<string> }> {
  const rows = await db
    .selectFrom('consents')
    .select([
      'id',
      'categories',
      'partner_id',
      'partner_type',
      'purpose',
      'given_on',
      'valid_until',
      'written_on',
      'withdrawn_at',
      'method',
      'typed_confirmed_by',
    ])
    .where('case_id', '=', caseId)
    .execute();
  return {
    facts: rows.map(toFacts),
    unconfirmedTyped: new Set(
      rows.filter((r) => r.method === 'signature_typed' && r.typed_confirmed_by === null).map((r) => r.id),
    ),
  };
}

/** The facts coverage is decided on, for every consent of the case. Read in the caller's transaction. */
export async function consentFacts(db: Db, caseId: string): Promise<ConsentFacts[]> {
  return (await consentFactsForDisclosure(db, caseId)).facts;
}

type FactsRow = Pick<
  ConsentsTable,
  'id' | 'categories' | 'partner_id' | 'partner_type' | 'purpose' | 'given_on' | 'valid_until' | 'written_on'
> & { withdrawn_at: Date | null };

export function toFacts(r: FactsRow): ConsentFacts {
  return {
    id: r.id,
    categories: r.categories,
    partnerId: r.partner_id,
    partnerType: r.partner_type,
    purpose: r.purpose,
    givenOn: r.given_on,
    validUntil: r.valid_until,
    writtenOn: r.written_on,
    withdrawn: r.withdrawn_at !== null,
  };
}

export async function insertDocument(db: Db, row: Insertable<ConsentDocumentsTable>): Promise<void> {
  await db.insertInto('consent_documents').values(row).execute();
}

export async function findDocument(db: Db, consentId: string) {
  return db
    .selectFrom('consent_documents')
    .select(['id', 'file_name_enc', 'media_type', 'content_enc'])
    .where('consent_id', '=', consentId)
    .executeTakeFirst();
}

/** Records the confirmation once; says whether this call did (a concurrent one may have won). */
export async function confirmTypedSignature(
  db: Db,
  id: string,
  by: { userId: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('consents')
    .set({ typed_confirmed_by: by.userId, typed_confirmed_at: by.at })
    .where('id', '=', id)
    .where('method', '=', 'signature_typed')
    .where('typed_confirmed_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
