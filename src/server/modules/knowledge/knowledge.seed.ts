import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { SEED_ARTICLES } from './knowledge.seed-articles.js';

/**
 * Gives an organisation the starter handbook: every article it does not have yet (by slug), each language as
 * version 1 with no author. Runs at set-up and from migration 0023 for organisations that existed before;
 * running it again adds nothing, and articles the organisation edited are left as they are. Request
 * categories are linked by code, so an organisation that renamed its terms keeps the links.
 */
export async function seedKnowledge(db: Kysely<unknown>, orgId: string, now: Date): Promise<void> {
  const { rows: terms } = await sql<{ id: string; code: string }>`
    select id, code from taxonomy_terms where org_id = ${orgId} and kind = 'category'`.execute(db);
  const byCode = new Map(terms.map((t) => [t.code, t.id]));
  let sort = 0;
  for (const article of SEED_ARTICLES) {
    sort += 1;
    const id = randomUUID();
    const termIds = article.termCodes.flatMap((code) => byCode.get(code) ?? []);
    const { rows } = await sql<{ id: string }>`
      insert into knowledge_articles (id, org_id, slug, category, term_ids, sort, created_at, updated_at)
      values (${id}, ${orgId}, ${article.slug}, ${article.category}, ${termIds}::uuid[], ${sort}, ${now}, ${now})
      on conflict (org_id, slug) do nothing
      returning id`.execute(db);
    if (rows.length === 0) continue;
    for (const [language, text] of Object.entries(article.versions)) {
      await sql`
        insert into knowledge_versions (id, org_id, article_id, language, version, title, body, author_id,
                                        created_at, is_current)
        values (${randomUUID()}, ${orgId}, ${id}, ${language}, 1, ${text.title}, ${text.body}, null, ${now}, true)`.execute(
        db,
      );
    }
  }
}
