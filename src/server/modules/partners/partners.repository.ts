import { sql, type Insertable, type Updateable } from 'kysely';
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
  'contact_person',
  'notes',
  'active',
] as const;

export async function listPartners(db: Db, orgId: string, q: PartnerQuery) {
  let query = db.selectFrom('partners').select(COLUMNS).where('org_id', '=', orgId);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.includeRetired !== 'true') query = query.where('active', '=', true);
  if (q.q) {
    // LIKE wildcards in the search text are taken literally.
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', pattern),
        eb(sql`lower(municipality)`, 'like', pattern),
        eb(sql`lower(contact_person)`, 'like', pattern),
      ]),
    );
  }
  return query.orderBy('name').limit(500).execute();
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
