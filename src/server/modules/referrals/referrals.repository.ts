import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { ReferralStatus } from '../../../shared/referrals.schema.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { CaseInterventionsTable } from '../cases/cases.table.js';
import type { DisclosuresTable, ReferralsTable } from './referrals.table.js';

// Referrals ------------------------------------------------------------------------------------------------

const REFERRAL_COLUMNS = [
  'r.id',
  'r.case_id',
  'r.partner_id',
  'r.purpose',
  'r.categories',
  'r.note_enc',
  'r.status',
  'r.channel',
  'r.consent_id',
  'r.created_by',
  'r.created_at',
  'r.sent_at',
  'r.closed_at',
  'r.cancel_reason_enc',
  'r.cancel_cause',
  'r.response_note_enc',
] as const;

function referralRows(db: Db, caseId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .select(REFERRAL_COLUMNS)
    .select(['p.name as partner_name', 'p.type as partner_type'])
    .where('r.case_id', '=', caseId);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralRows>['execute']>>[number];

/** The referrals of a case with their partner's name and type, newest first. */
export async function listReferrals(db: Db, caseId: string): Promise<ReferralRow[]> {
  return referralRows(db, caseId).orderBy('r.created_at', 'desc').execute();
}

/** The referrals of a case that are proposed and not sent yet. */
export async function listProposedReferrals(db: Db, caseId: string): Promise<ReferralRow[]> {
  return referralRows(db, caseId).where('r.status', '=', 'proposed').execute();
}

export async function findReferral(db: Db, caseId: string, id: string): Promise<ReferralRow | undefined> {
  return referralRows(db, caseId).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the referral row for the rest of the transaction (a double-clicked "send" discloses once). */
export async function lockReferral(db: Db, id: string): Promise<void> {
  await db.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertReferral(db: Db, row: Insertable<ReferralsTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

export async function updateReferral(db: Db, id: string, patch: Updateable<ReferralsTable>): Promise<void> {
  await db.updateTable('referrals').set(patch).where('id', '=', id).execute();
}

/** Applies `patch` only while the referral is in one of the `from` states; says whether it did. */
export async function updateReferralIfIn(
  db: Db,
  id: string,
  from: readonly ReferralStatus[],
  patch: Updateable<ReferralsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('referrals')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The active intervention term with this code (I8, I9), if the organisation has it. */
export async function findActiveInterventionId(db: Db, code: string): Promise<string | undefined> {
  const term = await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('kind', '=', 'intervention')
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return term?.id;
}

export async function insertCaseIntervention(db: Db, row: Insertable<CaseInterventionsTable>): Promise<void> {
  await db.insertInto('case_interventions').values(row).execute();
}

// Disclosures ----------------------------------------------------------------------------------------------

/** Inserts one disclosure; the database trigger refuses it without a covering basis (check violation). */
export async function insertDisclosure(db: Db, row: Insertable<DisclosuresTable>): Promise<void> {
  await db.insertInto('disclosures').values(row).execute();
}

/** Everyone a consent was used to reach, by name, each once. */
export async function listRecipientsUnderConsent(db: Db, consentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('disclosures')
    .select('recipient')
    .distinct()
    .where('consent_id', '=', consentId)
    .orderBy('recipient')
    .execute();
  return rows.map((r) => r.recipient);
}

function disclosureRows(db: Db) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .leftJoin('users as u', 'u.id', 'd.disclosed_by')
    .leftJoin('consents as cs', 'cs.id', 'd.consent_id')
    .leftJoin('users as su', 'su.id', 'cs.typed_signed_by')
    .leftJoin('users as cu', 'cu.id', 'cs.typed_confirmed_by')
    .select([
      'd.id',
      'd.case_id',
      'c.reference',
      'd.kind',
      'd.recipient',
      'd.partner_id',
      'd.categories',
      'd.channel',
      'd.consent_id',
      'd.emergency_id',
      'u.display_name',
      'd.disclosed_at',
      'cs.method',
      'cs.typed_present_enc',
      'cs.typed_device_enc',
      'cs.typed_shown_sha256',
      'cs.typed_signed_at',
      'su.display_name as typed_signed_by_name',
      'cs.typed_confirmed_by',
      'cu.display_name as typed_confirmed_by_name',
      'cs.typed_confirmed_at',
    ]);
}
export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof disclosureRows>['execute']>>[number];

/** What left the helpline about this case, newest first. */
export async function listCaseDisclosures(db: Db, caseId: string): Promise<DisclosureRow[]> {
  return disclosureRows(db).where('d.case_id', '=', caseId).orderBy('d.disclosed_at', 'desc').execute();
}

export interface DisclosureFilter {
  from?: string | undefined;
  to?: string | undefined;
  partnerId?: string | undefined;
  caseReference?: string | undefined;
}

/**
 * The organisation's disclosure log, newest first, filtered; `after` continues below a keyset position.
 * Returns up to `limit` rows.
 */
export async function listDisclosures(
  db: Db,
  f: DisclosureFilter,
  page: { after?: { at: Date; id: string }; limit: number },
): Promise<DisclosureRow[]> {
  let query = disclosureRows(db);
  if (f.from) query = query.where('d.disclosed_on', '>=', f.from);
  if (f.to) query = query.where('d.disclosed_on', '<=', f.to);
  if (f.partnerId) query = query.where('d.partner_id', '=', f.partnerId);
  if (f.caseReference) query = query.where('c.reference', '=', f.caseReference);
  if (page.after) {
    const { at, id } = page.after;
    query = query.where(sql<boolean>`(d.disclosed_at, d.id) < (${at}, ${id}::uuid)`);
  }
  return query.orderBy('d.disclosed_at', 'desc').orderBy('d.id', 'desc').limit(page.limit).execute();
}

// What a summary reads (only the sections its categories include) -------------------------------------------

/** The caller's contact details, sealed; throws `not_found` when there is no such caller. */
export async function getCallerContact(db: Db, callerId: string) {
  const row = await db
    .selectFrom('callers')
    .select(['alias_enc', 'phone_enc', 'language', 'municipality'])
    .where('id', '=', callerId)
    .executeTakeFirst();
  if (!row) throw notFound('caller');
  return row;
}

/** How the caller may be reached, as said at the latest contact of the case. */
export async function findLatestContactPreferences(db: Db, caseId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'may_call_back', 'may_leave_message', 'safe_times_enc', 'safe_channel'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The interventions of a case with their code and labels, oldest first (no notes). */
export async function listInterventionLabels(db: Db, caseId: string) {
  return db
    .selectFrom('case_interventions as i')
    .innerJoin('taxonomy_terms as t', 't.id', 'i.intervention_id')
    .select(['t.code', 't.labels', 'i.occurred_on'])
    .where('i.case_id', '=', caseId)
    .orderBy('i.occurred_on')
    .execute();
}
