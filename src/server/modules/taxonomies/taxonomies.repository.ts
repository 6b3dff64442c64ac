import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SeedTerm } from './taxonomies.seed.term.js';
import type { TaxonomyTermsTable } from './taxonomies.table.js';

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

/** The terms with these ids, in one query (ids of another organisation are not found: row-level security). */
export async function findTerms(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('taxonomy_terms')
    .select([...COLUMNS, 'org_id'])
    .where('id', 'in', ids)
    .execute();
}

export async function insertTerm(db: Db, row: Insertable<TaxonomyTermsTable>): Promise<void> {
  await db.insertInto('taxonomy_terms').values(row).execute();
}

export async function updateTerm(db: Db, id: string, patch: Updateable<TaxonomyTermsTable>): Promise<void> {
  await db.updateTable('taxonomy_terms').set(patch).where('id', '=', id).execute();
}

/** Adds a standard term unless the organisation has its code already; runs on the set-up transaction's handle. */
export async function insertSeedTerm(
  db: Kysely<unknown>,
  orgId: string,
  term: SeedTerm & { sort: number },
  now: Date,
): Promise<void> {
  await sql`insert into taxonomy_terms (id, org_id, kind, code, labels, requires_consent, sort, created_at, updated_at)
      values (${randomUUID()}, ${orgId}, ${term.kind}, ${term.code}, ${JSON.stringify(term.labels)}::jsonb,
              ${term.requiresConsent ?? false}, ${term.sort}, ${now}, ${now})
      on conflict (org_id, kind, code) do nothing`.execute(db);
}
