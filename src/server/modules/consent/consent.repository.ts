import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConsentFacts } from './consent.coverage.js';
import type { ConsentDocumentsTable, ConsentsTable } from './consent.table.js';

export async function insertConsent(db: Db, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export async function listConsentRows(db: Db, caseId: string) {
  return db
    .selectFrom('consents as c')
    .leftJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .leftJoin('users as su', 'su.id', 'c.typed_signed_by')
    .leftJoin('users as cu', 'cu.id', 'c.typed_confirmed_by')
    .leftJoin('consent_documents as d', 'd.consent_id', 'c.id')
    .selectAll('c')
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
    .where('c.case_id', '=', caseId)
    .orderBy('c.given_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
}
export type ConsentRow = Awaited<ReturnType<typeof listConsentRows>>[number];

export async function findConsentRow(db: Db, caseId: string, id: string): Promise<ConsentRow | undefined> {
  return (await listConsentRows(db, caseId)).find((r) => r.id === id);
}

/** The facts coverage is decided on, for every consent of the case. Read in the caller's transaction. */
export async function consentFacts(db: Db, caseId: string): Promise<ConsentFacts[]> {
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
    ])
    .where('case_id', '=', caseId)
    .execute();
  return rows.map(toFacts);
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

/** Consents of a case resting on a typed name that no second staff member has confirmed (yet). */
export async function unconfirmedTypedConsentIds(db: Db, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('consents')
    .select('id')
    .where('case_id', '=', caseId)
    .where('method', '=', 'signature_typed')
    .where('typed_confirmed_by', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
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
