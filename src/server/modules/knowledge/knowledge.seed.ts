import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { categoryIdsByCode, insertSeedArticle, insertSeedVersion } from './knowledge.repository.js';
import { SEED_ARTICLES } from './knowledge.seed-articles.js';

/**
 * Gives an organisation the starter handbook: every article it does not have yet (by slug), each language as
 * version 1 with no author. Runs at set-up and from migration 0023 for organisations that existed before;
 * running it again adds nothing, and articles the organisation edited are left as they are. Request
 * categories are linked by code, so an organisation that renamed its terms keeps the links.
 */
export async function seedKnowledge(db: Kysely<unknown>, orgId: string, now: Date): Promise<void> {
  const byCode = await categoryIdsByCode(db, orgId);
  let sort = 0;
  for (const article of SEED_ARTICLES) {
    sort += 1;
    const id = randomUUID();
    const termIds = article.termCodes.flatMap((code) => byCode.get(code) ?? []);
    const added = await insertSeedArticle(
      db,
      orgId,
      { id, slug: article.slug, category: article.category, termIds, sort },
      now,
    );
    if (!added) continue;
    for (const [language, text] of Object.entries(article.versions)) {
      await insertSeedVersion(db, orgId, id, { language, title: text.title, body: text.body }, now);
    }
  }
}
