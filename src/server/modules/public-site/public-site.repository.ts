import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { SiteLanguage, SitePage } from '../../../shared/public-site.schema.js';
import type { Db } from '../../db/database.js';
import type { CallbackRequestsTable, PublicPageVersionsTable } from './public-site.table.js';

const VERSION_COLUMNS = [
  'id',
  'page',
  'language',
  'version',
  'title',
  'body',
  'author_id',
  'created_at',
  'published_at',
  'live',
] as const;

/** The deployment's public organisation, by id or name, or the first one; an id only. */
export async function findPublicOrganisation(db: Db, ref: string | undefined): Promise<string | undefined> {
  const { rows } = await sql<{ id: string | null }>`select public_site_org(${ref ?? null}) as id`.execute(db);
  return rows[0]?.id ?? undefined;
}

/** Per page and language: the latest version and the live one. */
export async function pageSummaries(db: Db, orgId: string) {
  const latest = await db
    .selectFrom('public_page_versions')
    .distinctOn(['page', 'language'])
    .select(['page', 'language', 'version', 'title', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('page')
    .orderBy('language')
    .orderBy('version', 'desc')
    .execute();
  const published = await db
    .selectFrom('public_page_versions')
    .select(['page', 'language', 'version'])
    .where('org_id', '=', orgId)
    .where('live', '=', true)
    .execute();
  return { latest, published };
}

/** Every version of one page in one language, newest first, with the author's display name. */
export async function pageHistory(db: Db, orgId: string, page: SitePage, language: SiteLanguage) {
  return db
    .selectFrom('public_page_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select([
      'v.id',
      'v.page',
      'v.language',
      'v.version',
      'v.title',
      'v.body',
      'v.created_at',
      'v.published_at',
      'v.live',
      'u.display_name as author_name',
    ])
    .where('v.org_id', '=', orgId)
    .where('v.page', '=', page)
    .where('v.language', '=', language)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function findVersion(db: Db, id: string) {
  return db
    .selectFrom('public_page_versions')
    .select([...VERSION_COLUMNS, 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function nextVersion(db: Db, orgId: string, page: SitePage, language: SiteLanguage) {
  const row = await db
    .selectFrom('public_page_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('org_id', '=', orgId)
    .where('page', '=', page)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(db: Db, row: Insertable<PublicPageVersionsTable>): Promise<void> {
  await db.insertInto('public_page_versions').values(row).execute();
}

/** Makes a version the live one of its page and language (the previous live one steps down first). */
/** How many page versions the organisation has, on the set-up (or migration) transaction's handle. */
export async function countSeedPageVersions(db: Kysely<unknown>, orgId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from public_page_versions where org_id = ${orgId}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** A starter page as live version 1 with no author, on the set-up (or migration) transaction's handle. */
export async function insertSeedPageVersion(
  db: Kysely<unknown>,
  orgId: string,
  v: { page: string; language: string; title: string; body: string },
  now: Date,
): Promise<void> {
  await sql`
        insert into public_page_versions
          (id, org_id, page, language, version, title, body, author_id, created_at, published_at, published_by, live)
        values (${randomUUID()}, ${orgId}, ${v.page}, ${v.language}, 1, ${v.title}, ${v.body}, null, ${now}, ${now}, null, true)
      `.execute(db);
}

export async function markPublished(
  db: Db,
  v: { id: string; orgId: string; page: SitePage; language: SiteLanguage },
  by: string | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('public_page_versions')
    .set({ live: false })
    .where('org_id', '=', v.orgId)
    .where('page', '=', v.page)
    .where('language', '=', v.language)
    .where('live', '=', true)
    .execute();
  await db
    .updateTable('public_page_versions')
    .set({ published_at: at, published_by: by, live: true })
    .where('id', '=', v.id)
    .execute();
}

/** The live version of each of the pages in the languages asked for (the visitor's and Dutch). */
export async function publishedPages(
  db: Db,
  orgId: string,
  pages: readonly SitePage[],
  languages: readonly SiteLanguage[],
) {
  return db
    .selectFrom('public_page_versions')
    .select(['page', 'language', 'title', 'body', 'published_at'])
    .where('org_id', '=', orgId)
    .where('page', 'in', pages)
    .where('language', 'in', languages)
    .where('live', '=', true)
    .execute();
}

const CALLBACK_COLUMNS = [
  'id',
  'org_id',
  'language',
  'alias_enc',
  'safe_times_enc',
  'may_leave_message',
  'status',
  'created_at',
] as const;

export async function insertCallback(db: Db, row: Insertable<CallbackRequestsTable>): Promise<void> {
  await db.insertInto('callback_requests').values(row).execute();
}

/** The open callback requests of the organisation, oldest first (they have waited longest). */
export async function openCallbacks(db: Db, orgId: string, limit: number) {
  return db
    .selectFrom('callback_requests')
    .select(CALLBACK_COLUMNS)
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function findCallback(db: Db, id: string) {
  return db
    .selectFrom('callback_requests')
    .select([...CALLBACK_COLUMNS, 'phone_enc', 'question_enc', 'close_reason', 'contact_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves an open request to done or closed; false if it was no longer open (someone else handled it). */
export async function finishCallback(
  db: Db,
  id: string,
  patch: { status: 'done' | 'closed'; close_reason: string | null; contact_id: string | null },
  by: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('callback_requests')
    .set({ ...patch, handled_by: by, handled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes the organisation's handled callback requests (done or closed: the contact holds what was needed)
 * and the open ones received before `openBefore`; returns how many of each went. Their sealed alias, phone,
 * safe times and question go with the row.
 */
export async function purgeCallbacks(
  db: Db,
  orgId: string,
  openBefore: Date,
): Promise<{ handled: number; expired: number }> {
  const handled = await db
    .deleteFrom('callback_requests')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['done', 'closed'])
    .executeTakeFirst();
  const expired = await db
    .deleteFrom('callback_requests')
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .where('created_at', '<', openBefore)
    .executeTakeFirst();
  return { handled: Number(handled.numDeletedRows), expired: Number(expired.numDeletedRows) };
}

/** Whether the organisation still holds any callback request (then the purge runs again tomorrow). */
export async function hasCallbacks(db: Db, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('callback_requests')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
