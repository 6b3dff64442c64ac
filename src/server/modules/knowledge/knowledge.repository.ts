import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type KnowledgeLanguage } from '../../../shared/knowledge.schema.js';
import type { Db } from '../../db/database.js';
import type { KnowledgeArticlesTable, KnowledgeVersionsTable } from './knowledge.table.js';

const ARTICLE_COLUMNS = ['id', 'org_id', 'category', 'term_ids', 'sort', 'updated_at'] as const;

/** The text-search dictionary of each article language (all four exist in PostgreSQL 15+ and PGlite). */
export const TEXT_SEARCH_CONFIG: Record<KnowledgeLanguage, string> = {
  nl: 'dutch',
  en: 'english',
  ar: 'arabic',
  tr: 'turkish',
};

/** The organisation's articles, optionally only those linked to one request category. */
export async function listArticles(db: Db, orgId: string, termId?: string) {
  let query = db.selectFrom('knowledge_articles').select(ARTICLE_COLUMNS).where('org_id', '=', orgId);
  if (termId) query = query.where(sql<boolean>`${termId}::uuid = any(term_ids)`);
  return query.orderBy('category').orderBy('sort').orderBy('created_at').execute();
}

export async function findArticle(db: Db, id: string) {
  return db.selectFrom('knowledge_articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Locks the article row: two saves of one article queue, so version numbers never collide. */
export async function lockArticle(db: Db, id: string): Promise<void> {
  await db.selectFrom('knowledge_articles').select('id').where('id', '=', id).forUpdate().execute();
}

/** Titles of the current version of every language of a set of articles (no bodies: for lists). */
export async function currentTitles(db: Db, articleIds: string[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('knowledge_versions')
    .select(['article_id', 'language', 'version', 'title'])
    .where('article_id', 'in', articleIds)
    .where('is_current', '=', true)
    .execute();
}

/** One version with its body and the name of who saved it; the current one when `version` is left out. */
export async function findVersion(db: Db, articleId: string, language: KnowledgeLanguage, version?: number) {
  let query = db
    .selectFrom('knowledge_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.version', 'v.language', 'v.title', 'v.body', 'v.created_at', 'u.display_name'])
    .where('v.article_id', '=', articleId)
    .where('v.language', '=', language);
  query =
    version === undefined ? query.where('v.is_current', '=', true) : query.where('v.version', '=', version);
  return query.executeTakeFirst();
}

/** Two versions of one language at once (for a diff), by number. */
export async function findVersionPair(
  db: Db,
  articleId: string,
  language: KnowledgeLanguage,
  versions: [number, number],
) {
  return db
    .selectFrom('knowledge_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.version', 'v.title', 'v.body', 'v.created_at', 'u.display_name'])
    .where('v.article_id', '=', articleId)
    .where('v.language', '=', language)
    .where('v.version', 'in', versions)
    .execute();
}

/** Every saved version of one language, newest first, without bodies. */
export async function listVersions(db: Db, articleId: string, language: KnowledgeLanguage) {
  return db
    .selectFrom('knowledge_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.version', 'v.title', 'v.created_at', 'u.display_name'])
    .where('v.article_id', '=', articleId)
    .where('v.language', '=', language)
    .orderBy('v.version', 'desc')
    .execute();
}

/** Which of these ids are request categories of the organisation (inactive ones too: links outlive renames). */
export async function categoryTermIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'category')
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertArticle(db: Db, row: Insertable<KnowledgeArticlesTable>): Promise<void> {
  await db.insertInto('knowledge_articles').values(row).execute();
}

export async function updateArticle(
  db: Db,
  id: string,
  patch: Pick<Updateable<KnowledgeArticlesTable>, 'category' | 'term_ids' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('knowledge_articles').set(patch).where('id', '=', id).execute();
}

/** Adds a version and makes it the current one of its language. */
export async function insertCurrentVersion(
  db: Db,
  row: Omit<Insertable<KnowledgeVersionsTable>, 'is_current' | 'search'>,
): Promise<void> {
  await db
    .updateTable('knowledge_versions')
    .set({ is_current: false })
    .where('article_id', '=', row.article_id)
    .where('language', '=', row.language)
    .where('is_current', '=', true)
    .execute();
  await db
    .insertInto('knowledge_versions')
    .values({ ...row, is_current: true })
    .execute();
}

const LANGUAGES = Object.keys(TEXT_SEARCH_CONFIG) as KnowledgeLanguage[];

/** The language's dictionary as a constant `regconfig`, picked per row. */
function configOf(): RawBuilder<unknown> {
  return sql`case v.language ${sql.join(
    LANGUAGES.map((l) => sql`when ${sql.lit(l)} then ${sql.lit(TEXT_SEARCH_CONFIG[l])}::regconfig`),
    sql` `,
  )} end`;
}

/** The term as a query in the row's language. */
function queryOf(term: string): RawBuilder<unknown> {
  return sql`case v.language ${sql.join(
    LANGUAGES.map(
      (l) =>
        sql`when ${sql.lit(l)} then websearch_to_tsquery(${sql.lit(TEXT_SEARCH_CONFIG[l])}::regconfig, ${term})`,
    ),
    sql` `,
  )} end`;
}

/**
 * Full-text search over the current versions: each language's rows are matched with the term parsed in that
 * language's dictionary (so Dutch "gesprekken" finds "gesprek", Arabic "ابنك" finds "ابنه"). One condition
 * per language, each with a constant dictionary, so the partial GIN index serves every branch. The reader's
 * language comes first, then the best ranked. Snippets mark matches with private-use characters.
 */
export async function searchVersions(
  db: Db,
  orgId: string,
  term: string,
  language: KnowledgeLanguage,
  limit: number,
) {
  const headline = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
  return db
    .selectFrom('knowledge_versions as v')
    .innerJoin('knowledge_articles as a', 'a.id', 'v.article_id')
    .select([
      'v.article_id',
      'v.language',
      'v.title',
      'a.category',
      sql<string>`ts_headline(${configOf()}, v.body, ${queryOf(term)}, ${headline})`.as('snippet'),
    ])
    .where('v.org_id', '=', orgId)
    .where('v.is_current', '=', true)
    .where((eb) =>
      eb.or(
        LANGUAGES.map((l) =>
          eb.and([
            eb('v.language', '=', l),
            eb(
              sql`v.search`,
              '@@',
              sql`websearch_to_tsquery(${sql.lit(TEXT_SEARCH_CONFIG[l])}::regconfig, ${term})`,
            ),
          ]),
        ),
      ),
    )
    .orderBy(sql`v.language = ${language}`, 'desc')
    .orderBy(sql`ts_rank(v.search, ${queryOf(term)})`, 'desc')
    .orderBy('v.article_id')
    .limit(limit)
    .execute();
}

/*
 * The starter handbook, written at set-up and by migration 0023 on that transaction's untyped handle.
 */

/** The organisation's request categories by code. */
export async function categoryIdsByCode(db: Kysely<unknown>, orgId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; code: string }>`
    select id, code from taxonomy_terms where org_id = ${orgId} and kind = 'category'`.execute(db);
  return new Map(rows.map((t) => [t.code, t.id]));
}

/** Adds a starter article unless the organisation has its slug already; false when it had. */
export async function insertSeedArticle(
  db: Kysely<unknown>,
  orgId: string,
  a: { id: string; slug: string; category: string; termIds: string[]; sort: number },
  now: Date,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
      insert into knowledge_articles (id, org_id, slug, category, term_ids, sort, created_at, updated_at)
      values (${a.id}, ${orgId}, ${a.slug}, ${a.category}, ${a.termIds}::uuid[], ${a.sort}, ${now}, ${now})
      on conflict (org_id, slug) do nothing
      returning id`.execute(db);
  return rows.length > 0;
}

/** One language of a starter article as its current version 1, with no author. */
export async function insertSeedVersion(
  db: Kysely<unknown>,
  orgId: string,
  articleId: string,
  v: { language: string; title: string; body: string },
  now: Date,
): Promise<void> {
  await sql`
        insert into knowledge_versions (id, org_id, article_id, language, version, title, body, author_id,
                                        created_at, is_current)
        values (${randomUUID()}, ${orgId}, ${articleId}, ${v.language}, 1, ${v.title}, ${v.body}, null, ${now}, true)`.execute(
    db,
  );
}
