import { renderSafeMarkdown } from '../../../shared/public-site.markdown.js';
import { FALLBACK_LANGUAGE, type SiteLanguage, type SitePage } from '../../../shared/public-site.schema.js';
import { inOrg } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { todayIn } from '../../lib/dates.js';
import { findUpcomingPublicMeetings as upcomingPublicMeetings } from '../activities/activities.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import type { RenderedPage } from './public-site.html.js';
import * as repo from './public-site.repository.js';
import { meetingLanguageName } from './public-site.strings.js';

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

/** An information meeting open to the public, as the site shows it (already in the visitor's language). */
export interface PublicMeeting {
  title: string;
  /** Day and start time, written out in the visitor's language. */
  when: string;
  /** The municipality only: a venue may be someone's home, so it is never published. */
  place: string;
  /** The meeting's languages, named in the visitor's language. */
  languages: string;
}

const MEETINGS_TTL_MS = 10_000;
type CachedMeetings = { until: number; rows: PublicMeeting[] };
const meetingsCache = new WeakMap<Deps['db'], Map<string, CachedMeetings>>();

/**
 * Upcoming public information meetings for the home page, from the activities module: only meetings a
 * coordinator marked "publish on the public site", not cancelled, from today (in the organisation's time
 * zone) on. Kept a few seconds per process (by the app's clock), like the rendered pages.
 */
export async function findUpcomingPublicMeetings(
  deps: Deps,
  query: { orgId: string; language: SiteLanguage; limit: number },
): Promise<PublicMeeting[]> {
  const key = `${query.orgId}|${query.language}|${query.limit}`;
  let cache = meetingsCache.get(deps.db);
  const hit = cache?.get(key);
  const now = deps.clock.now().getTime();
  if (hit && hit.until > now) return hit.rows;
  const meetings = await inOrg(deps.db, query.orgId, async (trx) => {
    const today = todayIn(await getTimeZone(trx, query.orgId), deps.clock.now());
    return upcomingPublicMeetings(trx, query.orgId, today);
  });
  const rows = meetings.slice(0, query.limit).map((m) => ({
    title: m.title,
    when: formatWhen(query.language, m.date, m.startTime),
    place: m.municipality,
    languages: m.languages
      .map((l) => meetingLanguageName(query.language, l))
      .join(query.language === 'ar' ? '، ' : ', '),
  }));
  if (!cache) meetingsCache.set(deps.db, (cache = new Map<string, CachedMeetings>()));
  cache.set(key, { until: now + MEETINGS_TTL_MS, rows });
  return rows;
}

/**
 * "vrijdag 10 april 2026 om 19:30", "الجمعة، 10 أبريل 2026 في 07:30 م": the day and the start time as the
 * visitor's language writes them. Both are wall-clock values of the organisation, so they are formatted as
 * UTC and never shifted.
 */
export function formatWhen(lang: SiteLanguage, day: string, time: string): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${day}T${time}:00Z`));
}

/**
 * Rendered pages, kept a few seconds per process: a page is read by every visitor and changes only when the
 * admin publishes. Publishing clears this process's copy at once; other instances follow within the TTL.
 */
const PAGE_TTL_MS = 10_000;
type CachedPage = { until: number; page: RenderedPage | undefined };
const rendered = new WeakMap<Deps['db'], Map<string, CachedPage>>();

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
  if (!cache) rendered.set(deps.db, (cache = new Map<string, CachedPage>()));
  cache.set(key, { until: Date.now() + PAGE_TTL_MS, page: result });
  return result;
}
