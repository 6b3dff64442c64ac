import { sql, type Kysely } from 'kysely';
import { seedKnowledge } from '../../modules/knowledge/knowledge.seed.js';

/**
 * Issue 11, knowledge base: the helpline's handbook as articles with a version per save and per language.
 * Only the current version of each language is searched; its text-search vector is a generated column in
 * the language's own dictionary (Dutch, English, Arabic, Turkish stemmers exist in PostgreSQL and PGlite),
 * with the title weighted above the body. Nothing here is about a family, so nothing is sealed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table knowledge_articles (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      slug text,
      category text not null check (category in ('method','legal_framework','talking_with_child',
        'signals_protective','bereavement','returnees','referral_map','consent_privacy')),
      term_ids uuid[] not null default '{}',
      sort int not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (org_id, slug)
    );
    create index knowledge_articles_org_idx on knowledge_articles (org_id, category, sort);
    create index knowledge_articles_terms_idx on knowledge_articles using gin (term_ids);

    create table knowledge_versions (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      article_id uuid not null references knowledge_articles(id),
      language text not null check (language in ('nl','en','ar','tr')),
      version int not null check (version > 0),
      title text not null,
      body text not null,
      author_id uuid references users(id),
      created_at timestamptz not null,
      is_current boolean not null,
      search tsvector generated always as (
        setweight(to_tsvector(case language when 'nl' then 'dutch'::regconfig when 'en' then 'english'::regconfig
          when 'ar' then 'arabic'::regconfig else 'turkish'::regconfig end, title), 'A') ||
        setweight(to_tsvector(case language when 'nl' then 'dutch'::regconfig when 'en' then 'english'::regconfig
          when 'ar' then 'arabic'::regconfig else 'turkish'::regconfig end, body), 'B')
      ) stored,
      unique (article_id, language, version)
    );
    create unique index knowledge_versions_current_idx on knowledge_versions (article_id, language) where is_current;
    create index knowledge_versions_search_idx on knowledge_versions using gin (search) where is_current;
  `.execute(db);
  for (const table of ['knowledge_articles', 'knowledge_versions']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (org_id = app_org()) with check (org_id = app_org())`.execute(db);
    await sql`grant select, insert on ${sql.table(table)} to confidant_runtime`.execute(db);
  }
  // Versions are never rewritten: only the flag that says which one is current moves.
  await sql`grant update (category, term_ids, updated_at) on knowledge_articles to confidant_runtime`.execute(
    db,
  );
  await sql`grant update (is_current) on knowledge_versions to confidant_runtime`.execute(db);

  // Organisations set up before this migration get the starter handbook.
  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) await seedKnowledge(db, org.id, new Date());
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
