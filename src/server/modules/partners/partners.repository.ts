import type { Insertable, Updateable } from 'kysely';
import type { PartnerQuery } from '../../../shared/partners.schema.js';
import type { Db } from '../../db/database.js';
import type { PartnersTable } from './partners.table.js';

const COLUMNS = [
  'id',
  'org_id',
  'name',
  'type',
  'municipality',
  'languages',
  'secure_contact',
  'contact_person_enc',
  'notes_enc',
  'active',
] as const;

/**
 * The organisation's partners of a type (or all), by name. The text search runs in the service: the contact
 * person is sealed, and a directory of partner organisations is small enough to search after opening it.
 */
export async function listPartners(db: Db, orgId: string, q: Pick<PartnerQuery, 'type' | 'includeRetired'>) {
  let query = db.selectFrom('partners').select(COLUMNS).where('org_id', '=', orgId);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.includeRetired !== 'true') query = query.where('active', '=', true);
  return query.orderBy('name').execute();
}

export async function findPartner(db: Db, id: string) {
  return db.selectFrom('partners').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertPartner(db: Db, row: Insertable<PartnersTable>): Promise<void> {
  await db.insertInto('partners').values(row).execute();
}

export async function updatePartner(db: Db, id: string, patch: Updateable<PartnersTable>): Promise<void> {
  await db.updateTable('partners').set(patch).where('id', '=', id).execute();
}

/** Whether the partner exists in the organisation and is not retired: only such a partner can be chosen. */
export async function isActivePartner(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('partners')
    .select(['id', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.active === true;
}

/** The ids among `ids` of partners that exist in the organisation and are not retired. */
export async function listActivePartnerIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('partners')
    .select('id')
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Name and type of the partners with these ids (retired ones too), by name: one query for any number. */
export async function listPartnersByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('partners')
    .select(['id', 'name', 'type'])
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

export async function findPartnerType(db: Db, id: string) {
  const row = await db.selectFrom('partners').select('type').where('id', '=', id).executeTakeFirst();
  return row?.type;
}
