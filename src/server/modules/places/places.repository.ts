import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MunicipalitiesTable } from '../counsellors/counsellors.table.js';

/** The organisation's municipalities by province and name. */
export async function listMunicipalities(db: Db) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name', 'province', 'active'])
    .orderBy('province')
    .orderBy('name')
    .execute();
}

/** A municipality by its name, ignoring case. */
export async function findMunicipalityByName(db: Db, name: string) {
  return db
    .selectFrom('municipalities')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

/** Which of these ids are municipalities the organisation has, in one query. */
export async function findMunicipalityIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('municipalities').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertMunicipality(db: Db, row: Insertable<MunicipalitiesTable>): Promise<void> {
  await db.insertInto('municipalities').values(row).execute();
}

/** Adds a municipality at set-up unless one of that name exists; runs on the set-up transaction's handle. */
export async function insertSeedMunicipality(
  db: Kysely<unknown>,
  orgId: string,
  name: string,
  province: string,
): Promise<void> {
  await sql`insert into municipalities (id, org_id, name, province) values (${randomUUID()}, ${orgId}, ${name}, ${province})
      on conflict do nothing`.execute(db);
}
