import { randomUUID } from 'node:crypto';
import {
  SITE_LANGUAGES,
  SITE_PAGES,
  type PageCell,
  type PageSave,
  type PageVersion,
  type SiteLanguage,
  type SitePage,
} from '../../../shared/public-site.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { authorizePublicSite, canPublicSite } from './public-site.policy.js';
import * as repo from './public-site.repository.js';

/** Every page × language with its state: what the admin's overview shows. */
export async function listPages(
  ctx: Ctx,
): Promise<{ items: PageCell[]; canEdit: boolean; canBrochure: boolean }> {
  authorizePublicSite(ctx.actor, 'site.view');
  const { latest, published } = await repo.pageSummaries(ctx.db, ctx.actor.orgId);
  const key = (p: string, l: string) => `${p}|${l}`;
  const latestBy = new Map(latest.map((r) => [key(r.page, r.language), r]));
  const publishedBy = new Map(published.map((r) => [key(r.page, r.language), r.version]));
  const items: PageCell[] = [];
  for (const page of SITE_PAGES)
    for (const language of SITE_LANGUAGES) {
      const last = latestBy.get(key(page, language));
      const pub = publishedBy.get(key(page, language)) ?? null;
      items.push({
        page,
        language,
        state: !last ? 'missing' : pub === null ? 'draft' : pub === last.version ? 'published' : 'changed',
        title: last?.title ?? '',
        latestVersion: last?.version ?? null,
        publishedVersion: pub,
        updatedAt: last?.created_at.toISOString() ?? null,
      });
    }
  return {
    items,
    canEdit: canPublicSite(ctx.actor, 'site.edit'),
    canBrochure: canPublicSite(ctx.actor, 'site.brochure'),
  };
}

/** Every saved version of a page in one language, newest first, and which one visitors see. */
export async function pageHistory(
  ctx: Ctx,
  ref: { page: SitePage; language: SiteLanguage },
): Promise<{ items: PageVersion[] }> {
  authorizePublicSite(ctx.actor, 'site.view');
  const rows = await repo.pageHistory(ctx.db, ctx.actor.orgId, ref.page, ref.language);
  return {
    items: rows.map((r) => ({
      id: r.id,
      page: r.page,
      language: r.language,
      version: r.version,
      title: r.title,
      body: r.body,
      authorName: r.author_name ?? null,
      createdAt: r.created_at.toISOString(),
      publishedAt: r.published_at?.toISOString() ?? null,
      isPublished: r.live,
    })),
  };
}

const saveVersion = idempotent<PageSave, void>(
  'public_page_version',
  async (ctx) => authorizePublicSite(ctx.actor, 'site.edit'),
  async (ctx, _orgId, input) => {
    authorizePublicSite(ctx.actor, 'site.edit');
    const id = randomUUID();
    const now = ctx.clock.now();
    const version = await repo.nextVersion(ctx.db, ctx.actor.orgId, input.page, input.language);
    await repo.insertVersion(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      page: input.page,
      language: input.language,
      version,
      title: input.title,
      body: input.body,
      author_id: ctx.actor.userId,
      created_at: now,
      published_at: null,
      published_by: null,
      live: false,
    });
    if (input.publish)
      await repo.markPublished(
        ctx.db,
        { id, orgId: ctx.actor.orgId, page: input.page, language: input.language },
        ctx.actor.userId,
        now,
      );
    await audit(ctx, {
      action: 'public_page.save',
      entity: 'public_page',
      entityId: id,
      changedFields: ['title', 'body'],
      details: { page: input.page, language: input.language, version },
    });
    if (input.publish) await auditPublish(ctx, id, input.page, input.language, version);
    return { id };
  },
);

async function auditPublish(ctx: Ctx, id: string, page: string, language: string, version: number) {
  await audit(ctx, {
    action: 'public_page.publish',
    entity: 'public_page',
    entityId: id,
    changedFields: ['published_at'],
    details: { page, language, version },
  });
}

/** Saves a new version of a page (a draft, or published at once); earlier versions stay as they were. */
export async function savePage(ctx: Ctx, input: PageSave): Promise<PageVersion> {
  authorizePublicSite(ctx.actor, 'site.edit');
  const { id } = await saveVersion(ctx, ctx.actor.orgId, input);
  return versionById(ctx, id);
}

/** Publishes a saved version (the newest draft, or an older version to go back to). */
export async function publishVersion(ctx: Ctx, versionId: string): Promise<PageVersion> {
  authorizePublicSite(ctx.actor, 'site.edit');
  const row = await repo.findVersion(ctx.db, versionId);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such version');
  await repo.markPublished(
    ctx.db,
    { id: versionId, orgId: row.org_id, page: row.page, language: row.language },
    ctx.actor.userId,
    ctx.clock.now(),
  );
  await auditPublish(ctx, versionId, row.page, row.language, row.version);
  return versionById(ctx, versionId);
}

async function versionById(ctx: Ctx, id: string): Promise<PageVersion> {
  const row = await repo.findVersion(ctx.db, id);
  if (!row) throw new AppError('not_found', 'No such version');
  const { items } = await pageHistory(ctx, { page: row.page, language: row.language });
  return items.find((v) => v.id === id)!;
}
