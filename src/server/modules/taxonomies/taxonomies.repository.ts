import type { Db } from '../../db/database.js';

const COLUMNS = ['id', 'kind', 'code', 'labels', 'active', 'requires_consent', 'sort'] as const;

export async function listTerms(db: Db, orgId: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('kind')
    .orderBy('sort')
    .execute();
}

export async function findTerm(db: Db, id: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select([...COLUMNS, 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}
