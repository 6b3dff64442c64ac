import { renderSafeMarkdown } from '../../../shared/public-site.markdown.js';
import { FALLBACK_LANGUAGE, type SiteLanguage, type SitePage } from '../../../shared/public-site.schema.js';
import { inOrg } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import type { RenderedPage } from './public-site.html.js';
import * as repo from './public-site.repository.js';

/**
 * The organisation the public site speaks for: PUBLIC_SITE_ORGANISATION (an id or a name), else the first
 * organisation. Looked up once it exists; an installation without an organisation has no public site yet.
 */
const found = new WeakMap<Deps['db'], string>();
export async function publicOrganisation(deps: Deps): Promise<string | undefined> {
  const cached = found.get(deps.db);
  if (cached) return cached;
  const id = await repo.findPublicOrganisation(deps.db, deps.config.publicSiteOrganisation);
  if (id) found.set(deps.db, id);
  return id;
}

/** An information meeting open to the public, as the site shows it. */
export interface PublicMeeting {
  title: string;
  when: string;
  place: string;
}

/**
 * Upcoming public information meetings for the home page. A seam: the activities module (being built in
 * parallel) will supply them; until it is wired in, there are none and the page shows its empty state.
 */
export async function findUpcomingPublicMeetings(
  _deps: Deps,
  _query: { orgId: string; language: SiteLanguage; limit: number },
): Promise<PublicMeeting[]> {
  return [];
}

/**
 * Rendered pages, kept a few seconds per process: a page is read by every visitor and changes only when the
 * admin publishes. Publishing clears this process's copy at once; other instances follow within the TTL.
 */
const PAGE_TTL_MS = 10_000;
const rendered = new WeakMap<Deps['db'], Map<string, { until: number; page: RenderedPage | undefined }>>();

/** Drops the rendered pages of this process (after a publication). */
export function forgetRenderedPages(deps: Pick<Deps, 'db'>): void {
  rendered.delete(deps.db);
}

/**
 * The published text of a page in the visitor's language, or the Dutch one when that language has none yet
 * (the page then says so). Undefined when not even Dutch is published.
 */
export async function publishedPage(
  deps: Deps,
  orgId: string,
  page: SitePage,
  lang: SiteLanguage,
): Promise<RenderedPage | undefined> {
  const key = `${orgId}|${page}|${lang}`;
  let cache = rendered.get(deps.db);
  const hit = cache?.get(key);
  if (hit && hit.until > Date.now()) return hit.page;
  const rows = await inOrg(deps.db, orgId, (trx) =>
    repo.publishedPages(trx, orgId, [page], lang === FALLBACK_LANGUAGE ? [lang] : [lang, FALLBACK_LANGUAGE]),
  );
  const row = rows.find((r) => r.language === lang) ?? rows.find((r) => r.language === FALLBACK_LANGUAGE);
  const result = row
    ? { title: row.title, html: renderSafeMarkdown(row.body), language: row.language }
    : undefined;
  if (!cache) rendered.set(deps.db, (cache = new Map()));
  cache.set(key, { until: Date.now() + PAGE_TTL_MS, page: result });
  return result;
}
