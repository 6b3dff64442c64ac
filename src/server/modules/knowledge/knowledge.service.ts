import { randomUUID } from 'node:crypto';
import { diffWordsWithSpace } from 'diff';
import { unsafeLinks } from '../../../shared/knowledge.markdown.js';
import {
  KNOWLEDGE_FALLBACK,
  UNSAFE_LINK,
  type DiffPart,
  type KnowledgeArticle,
  type KnowledgeArticleCreate,
  type KnowledgeArticleUpdate,
  type KnowledgeDiff,
  type KnowledgeDiffQuery,
  type KnowledgeLanguage,
  type KnowledgeList,
  type KnowledgeListQuery,
  type KnowledgeSearch,
  type KnowledgeSearchResults,
  type KnowledgeVersionCreate,
  type KnowledgeVersionList,
} from '../../../shared/knowledge.schema.js';
import { UI_LANGUAGES } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { authorizeKnowledge, canKnowledge } from './knowledge.policy.js';
import * as repo from './knowledge.repository.js';

/** Search hits shown at most: a handbook is short, a longer list means a vaguer term. */
export const KNOWLEDGE_SEARCH_LIMIT = 20;

type ArticleRow = NonNullable<Awaited<ReturnType<typeof repo.findArticle>>>;

/** Another organisation's article answers like a missing one. */
async function loadArticle(ctx: Ctx, id: string): Promise<ArticleRow> {
  const row = await repo.findArticle(ctx.db, id);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such article');
  return row;
}

/** The language to show: the one asked for, else Dutch, else whatever the article is written in. */
function pickLanguage(available: KnowledgeLanguage[], requested: KnowledgeLanguage): KnowledgeLanguage {
  const order = [requested, KNOWLEDGE_FALLBACK, ...UI_LANGUAGES];
  return order.find((l) => available.includes(l)) ?? requested;
}

function sortLanguages(languages: KnowledgeLanguage[]): KnowledgeLanguage[] {
  return UI_LANGUAGES.filter((l) => languages.includes(l));
}

/** The handbook's table of contents in the reader's language (with fallback), for everyone signed in. */
export async function listArticles(ctx: Ctx, q: KnowledgeListQuery): Promise<KnowledgeList> {
  authorizeKnowledge(ctx.actor, 'knowledge.read');
  const articles = await repo.listArticles(ctx.db, ctx.actor.orgId, q.termId);
  const titles = await repo.currentTitles(
    ctx.db,
    articles.map((a) => a.id),
  );
  const byArticle = new Map<string, Map<KnowledgeLanguage, string>>();
  for (const t of titles) {
    const m = byArticle.get(t.article_id) ?? new Map<KnowledgeLanguage, string>();
    m.set(t.language, t.title);
    byArticle.set(t.article_id, m);
  }
  return {
    items: articles.flatMap((a) => {
      const m = byArticle.get(a.id);
      if (!m) return [];
      const languages = sortLanguages([...m.keys()]);
      const language = pickLanguage(languages, q.language);
      return [
        {
          id: a.id,
          category: a.category,
          title: m.get(language) ?? '',
          language,
          languages,
          termIds: a.term_ids,
          updatedAt: a.updated_at.toISOString(),
        },
      ];
    }),
    canEdit: canKnowledge(ctx.actor, 'knowledge.edit'),
  };
}

/** One article in the reader's language, or in Dutch (then `language` differs from `requested`). */
export async function getArticle(
  ctx: Ctx,
  id: string,
  requested: KnowledgeLanguage,
): Promise<KnowledgeArticle> {
  authorizeKnowledge(ctx.actor, 'knowledge.read');
  const article = await loadArticle(ctx, id);
  const titles = await repo.currentTitles(ctx.db, [id]);
  const languages = sortLanguages(titles.map((t) => t.language));
  const language = pickLanguage(languages, requested);
  const version = await repo.findVersion(ctx.db, id, language);
  if (!version) throw new AppError('not_found', 'No such article');
  return {
    id,
    category: article.category,
    title: version.title,
    body: version.body,
    language,
    requested,
    languages,
    termIds: article.term_ids,
    updatedAt: article.updated_at.toISOString(),
    version: version.version,
    savedAt: version.created_at.toISOString(),
    savedBy: version.display_name,
    canEdit: canKnowledge(ctx.actor, 'knowledge.edit'),
  };
}

export async function listVersions(
  ctx: Ctx,
  id: string,
  language: KnowledgeLanguage,
): Promise<KnowledgeVersionList> {
  authorizeKnowledge(ctx.actor, 'knowledge.read');
  await loadArticle(ctx, id);
  const rows = await repo.listVersions(ctx.db, id, language);
  return {
    language,
    items: rows.map((r) => ({
      version: r.version,
      title: r.title,
      savedAt: r.created_at.toISOString(),
      savedBy: r.display_name,
    })),
  };
}

const wordCount = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** A word-level diff; runs of whitespace belong to the words around them. */
function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

/**
 * "What changed" between two versions of one language, word by word, in either order. Without `to`, the
 * current version; without `from`, the one before `to` (the last save's changes).
 */
export async function diffVersions(ctx: Ctx, id: string, q: KnowledgeDiffQuery): Promise<KnowledgeDiff> {
  authorizeKnowledge(ctx.actor, 'knowledge.read');
  await loadArticle(ctx, id);
  const toVersion = q.to ?? (await repo.findVersion(ctx.db, id, q.language))?.version;
  if (toVersion === undefined) throw new AppError('not_found', 'No such version');
  const fromVersion = q.from ?? Math.max(1, toVersion - 1);
  const rows = await repo.findVersionPair(ctx.db, id, q.language, [fromVersion, toVersion]);
  const from = rows.find((r) => r.version === fromVersion);
  const to = rows.find((r) => r.version === toVersion);
  if (!from || !to) throw new AppError('not_found', 'No such version');
  const title = wordDiff(from.title, to.title);
  const body = wordDiff(from.body, to.body);
  const count = (kind: DiffPart['kind']) =>
    [...title, ...body].filter((p) => p.kind === kind).reduce((n, p) => n + wordCount(p.text), 0);
  const meta = (r: typeof from) => ({
    version: r.version,
    title: r.title,
    savedAt: r.created_at.toISOString(),
    savedBy: r.display_name,
  });
  return {
    language: q.language,
    from: meta(from),
    to: meta(to),
    title,
    body,
    added: count('added'),
    removed: count('removed'),
  };
}

/** Markdown punctuation out of a snippet, so it reads as text; the highlight marks stay. */
function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>`|[\]]+/g, ' ')
    .replace(/(^|\s)[-+](?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Full-text search in every language, the reader's first. The term is never stored, audited or logged:
 * it comes in a POST body and leaves only as the results.
 */
export async function searchKnowledge(ctx: Ctx, input: KnowledgeSearch): Promise<KnowledgeSearchResults> {
  authorizeKnowledge(ctx.actor, 'knowledge.read');
  const rows = await repo.searchVersions(
    ctx.db,
    ctx.actor.orgId,
    input.term,
    input.language,
    KNOWLEDGE_SEARCH_LIMIT,
  );
  return {
    items: rows.map((r) => ({
      articleId: r.article_id,
      category: r.category,
      language: r.language,
      title: r.title,
      snippet: plainSnippet(r.snippet),
    })),
  };
}

/** Refuses links the handbook would not render, and request categories of another organisation. */
async function checkContent(ctx: Ctx, input: { body?: string; termIds?: string[] }): Promise<void> {
  const errors = [];
  if (input.body !== undefined && unsafeLinks(input.body).length > 0)
    errors.push({
      field: 'body',
      reason: UNSAFE_LINK,
      message: 'Links only to https, mailto, tel or a path in the app',
    });
  if (input.termIds?.length) {
    const known = await repo.categoryTermIds(ctx.db, ctx.actor.orgId, input.termIds);
    if (input.termIds.some((id) => !known.has(id)))
      errors.push({ field: 'termIds', reason: 'unknown_term', message: 'Not a request category' });
  }
  if (errors.length) throw new AppError('validation_failed', undefined, { errors });
}

const createOnce = idempotent<KnowledgeArticleCreate, null>(
  'knowledge_article',
  async (ctx) => {
    authorizeKnowledge(ctx.actor, 'knowledge.edit');
    return null;
  },
  async (ctx, _orgId, input) => {
    authorizeKnowledge(ctx.actor, 'knowledge.edit');
    await checkContent(ctx, input);
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertArticle(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      slug: null,
      category: input.category,
      term_ids: [...new Set(input.termIds)],
      created_at: now,
      updated_at: now,
    });
    await repo.insertCurrentVersion(ctx.db, {
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      article_id: id,
      language: input.language,
      version: 1,
      title: input.title,
      body: input.body,
      author_id: ctx.actor.userId,
      created_at: now,
    });
    await audit(ctx, {
      action: 'knowledge.create',
      entity: 'knowledge_article',
      entityId: id,
      changedFields: ['category', 'termIds', 'title', 'body'],
      details: { category: input.category, language: input.language, version: 1 },
    });
    return { id };
  },
);

/** A new article with its first language. Admins and coordinators only. */
export async function createArticle(ctx: Ctx, input: KnowledgeArticleCreate): Promise<KnowledgeArticle> {
  const { id } = await createOnce(ctx, ctx.actor.orgId, input);
  return getArticle(ctx, id, input.language);
}

const saveOnce = idempotent<KnowledgeVersionCreate, ArticleRow>(
  'knowledge_version',
  async (ctx, id) => {
    authorizeKnowledge(ctx.actor, 'knowledge.edit');
    return loadArticle(ctx, id);
  },
  async (ctx, id, input) => {
    authorizeKnowledge(ctx.actor, 'knowledge.edit');
    await checkContent(ctx, input);
    await repo.lockArticle(ctx.db, id);
    const current = await repo.findVersion(ctx.db, id, input.language);
    const currentVersion = current?.version ?? 0;
    if (input.baseVersion !== null && input.baseVersion !== currentVersion)
      throw new AppError('conflict', 'Someone saved this article since you began editing: reload it first');
    // Saving what is already there makes no empty version.
    if (current && current.title === input.title && current.body === input.body) return { id };
    const now = ctx.clock.now();
    const version = currentVersion + 1;
    await repo.insertCurrentVersion(ctx.db, {
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      article_id: id,
      language: input.language,
      version,
      title: input.title,
      body: input.body,
      author_id: ctx.actor.userId,
      created_at: now,
    });
    await repo.updateArticle(ctx.db, id, { updated_at: now });
    await audit(ctx, {
      action: 'knowledge.save',
      entity: 'knowledge_article',
      entityId: id,
      changedFields: [
        ...(current?.title !== input.title ? ['title'] : []),
        ...(current?.body !== input.body ? ['body'] : []),
      ],
      details: { language: input.language, version },
    });
    return { id };
  },
);

/** Saves one language of an article as its next version (the first, for a new translation). */
export async function saveVersion(
  ctx: Ctx,
  id: string,
  input: KnowledgeVersionCreate,
): Promise<KnowledgeArticle> {
  await saveOnce(ctx, id, input);
  return getArticle(ctx, id, input.language);
}

/** Moves an article to another chapter or links it to other request categories. */
export async function updateArticle(
  ctx: Ctx,
  id: string,
  input: KnowledgeArticleUpdate,
  language: KnowledgeLanguage,
): Promise<KnowledgeArticle> {
  authorizeKnowledge(ctx.actor, 'knowledge.edit');
  const article = await loadArticle(ctx, id);
  await checkContent(ctx, input);
  const termIds = input.termIds ? [...new Set(input.termIds)] : undefined;
  const changed = [
    ...(input.category !== undefined && input.category !== article.category ? ['category'] : []),
    ...(termIds !== undefined && termIds.join() !== article.term_ids.join() ? ['termIds'] : []),
  ];
  if (changed.length) {
    await repo.updateArticle(ctx.db, id, {
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(termIds !== undefined ? { term_ids: termIds } : {}),
      updated_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'knowledge.update',
      entity: 'knowledge_article',
      entityId: id,
      changedFields: changed,
    });
  }
  return getArticle(ctx, id, language);
}
