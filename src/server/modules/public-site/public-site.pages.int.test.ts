import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKinds } from '../../test/databases.js';
import { createTestApp, inviteAndActivate, signIn, type SignedIn, type TestApp } from '../../test/harness.js';
import { normaliseArabic, pdfText } from '../../test/pdf-text.js';
import { publicSiteWorld } from '../../test/public-site-fixtures.js';

const kinds = await testKinds();

/** The public pages: served per language, edited as versions, the brochure, and the information meetings. */
describe.each(kinds)('public site: pages, versions and meetings on %s', (kind) => {
  const { world, nextIp, as, visit } = publicSiteWorld(kind);
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let couns: SignedIn;
  let analyst: SignedIn;
  let otherAdmin: SignedIn;
  let otherCoord: SignedIn;
  beforeAll(() => ({ t, admin, coord, couns, analyst, otherAdmin, otherCoord } = world));

  it('serves each language server-rendered, without cookies, cached, with hreflang and a strict policy', async () => {
    const nl = await visit('/nl/');
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toMatch(/text\/html/);
    expect(nl.body).toContain('<html lang="nl" dir="ltr">');
    expect(nl.body).toContain('Zorgen om je kind?');
    expect(nl.body).not.toMatch(/<script|<img|https?:\/\/(?!localhost)/i);
    for (const l of ['nl', 'en', 'ar', 'tr']) expect(nl.body).toContain(`hreflang="${l}"`);
    expect(nl.body).toContain('Komende voorlichtingsbijeenkomsten');
    expect(nl.headers['set-cookie']).toBeUndefined();
    expect(nl.headers['cache-control']).toBe('public, max-age=300');
    expect(String(nl.headers['content-security-policy'])).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const again = await visit('/nl/', { 'if-none-match': String(nl.headers.etag) });
    expect(again.statusCode).toBe(304);
    const ar = await visit('/ar/how-it-works');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('كيف نعمل');
    const gz = await visit('/tr/contact', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(30 * 1024);
    expect((await visit('/en')).headers.location).toBe('/en/');
    const missing = await visit('/en/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page not found');
    const form = await visit('/ar/callback');
    expect(form.headers['set-cookie']).toBeUndefined();
    expect(form.headers['cache-control']).toBe('no-store');
    const robots = await visit('/robots.txt');
    expect(robots.body).toContain('Allow: /ar/');
    expect(robots.body).toContain('Disallow: /api/');
  });

  it('keeps every save as a version, publishes on request, and lets only the admin edit', async () => {
    const a = await as(admin);
    const draft = await a.post('/api/public-site/pages', {
      page: 'home',
      language: 'en',
      title: 'Worried? We listen.',
      body: 'New text with <script>alert(1)</script> and [a link](javascript:alert(1)) and ![x](https://evil.example/x.png)',
    });
    expect(draft.statusCode).toBe(201);
    const v2 = draft.json<{ id: string; version: number; isPublished: boolean; authorName: string }>();
    expect(v2).toMatchObject({ version: 2, isPublished: false, authorName: 'Amina Admin' });
    expect((await visit('/en/')).body).toContain('Worried about your child?');
    const list = (await a.get('/api/public-site/pages')).json<{
      items: { page: string; language: string; state: string }[];
      canEdit: boolean;
    }>();
    expect(list.canEdit).toBe(true);
    expect(list.items).toHaveLength(20);
    expect(list.items.find((c) => c.page === 'home' && c.language === 'en')!.state).toBe('changed');
    expect(list.items.find((c) => c.page === 'home' && c.language === 'nl')!.state).toBe('published');

    expect((await a.post('/api/public-site/publish', { versionId: v2.id })).statusCode).toBe(200);
    const page = (await visit('/en/')).body;
    expect(page).toContain('Worried? We listen.');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toMatch(/<script|<img|href="javascript:/);
    const history = (await a.get('/api/public-site/history?page=home&language=en')).json<{
      items: { version: number; isPublished: boolean }[];
    }>();
    expect(history.items.map((v) => [v.version, v.isPublished])).toEqual([
      [2, true],
      [1, false],
    ]);
    // Going back: publishing version 1 again.
    const v1 = (history.items[1] as unknown as { id: string }).id;
    await a.post('/api/public-site/publish', { versionId: v1 });
    expect((await visit('/en/')).body).toContain('Worried about your child?');

    const c = await as(coord);
    expect((await c.get('/api/public-site/pages')).statusCode).toBe(200);
    expect(
      (await c.post('/api/public-site/pages', { page: 'home', language: 'en', title: 'x', body: 'y' }))
        .statusCode,
    ).toBe(403);
    expect((await (await as(couns)).get('/api/public-site/pages')).statusCode).toBe(403);
    expect((await (await as(analyst)).get('/api/public-site/pages')).statusCode).toBe(403);
    // Another organisation cannot publish this one's version.
    const foreign = await as(otherAdmin);
    expect((await foreign.post('/api/public-site/publish', { versionId: v2.id })).statusCode).toBe(404);
    const theirs = (await foreign.get('/api/public-site/history?page=home&language=en')).json<{
      items: { id: string }[];
    }>();
    expect(theirs.items.map((v) => v.id)).not.toContain(v2.id);
    const bad = await a.post('/api/public-site/pages', {
      page: 'blog',
      language: 'fr',
      title: '',
      body: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['language', 'page', 'title']);
    const po = await as(admin);
    const audit = (
      await (
        await signIn(t, await inviteAndActivate(t, po, 'privacy_officer'), nextIp())
      ).get(`/api/audit?entity=public_page&entityId=${v2.id}`)
    ).json<{ items: { action: string }[] }>();
    expect(audit.items.map((i) => i.action).sort()).toEqual(['public_page.publish', 'public_page.save']);
  });

  it('falls back to Dutch with a note in the visitor’s language when a page is not translated', async () => {
    await t.asOwner((db) =>
      sql`delete from public_page_versions where page = 'privacy' and language = 'tr'`.execute(db),
    );
    const tr = await visit('/tr/privacy');
    expect(tr.statusCode).toBe(200);
    expect(tr.body).toContain('<html lang="tr" dir="ltr">');
    expect(tr.body).toContain('Bu sayfa henüz çevrilmedi.');
    expect(tr.body).toContain('<div lang="nl" dir="ltr"><h1>Privacyverklaring</h1>');
  });

  it('prints a brochure in two languages side by side, for admins and coordinators', async () => {
    const c = await as(coord);
    const res = await c.get('/api/public-site/brochure?left=nl&right=ar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Hoe het werkt');
    expect(text).toContain('088 000 0000');
    expect(normaliseArabic(text)).toContain(normaliseArabic('كيف نعمل'));
    expect((await c.get('/api/public-site/brochure?left=nl&right=nl')).statusCode).toBe(400);
    expect((await (await as(couns)).get('/api/public-site/brochure?left=nl&right=ar')).statusCode).toBe(403);
  });

  it('lists published information meetings on the home page in the visitor’s language, never the venue', async () => {
    const c = await as(coord);
    const types = (await c.get('/api/activities/types')).json<{
      items: { termId: string; code: string }[];
    }>();
    const info = types.items.find((i) => i.code === 'info_meeting')!.termId;
    const places = (await c.get('/api/places/municipalities')).json<{
      items: { id: string; name: string }[];
    }>();
    const utrecht = places.items.find((p) => p.name === 'Utrecht')!.id;
    const plan = (over: Record<string, unknown>) =>
      c.post('/api/activities', {
        typeId: info,
        title: 'Voorlichting: signalen herkennen',
        date: '2026-04-10',
        startTime: '19:30',
        endTime: '21:00',
        place: 'Kerkstraat 12, bij familie Haddou',
        municipalityId: utrecht,
        languages: ['ar', 'nl'],
        audience: 'parents',
        isPublic: true,
        ...over,
      });
    expect((await plan({})).statusCode).toBe(201);
    expect((await plan({ title: 'Besloten moedergroep', isPublic: false })).statusCode).toBe(201);
    expect((await plan({ title: 'Al geweest', date: '2026-02-01' })).statusCode).toBe(201);
    const cancelled = (await plan({ title: 'Afgelast' })).json<{ id: string }>();
    expect((await c.patch(`/api/activities/${cancelled.id}`, { cancelled: true })).statusCode).toBe(200);
    // Another organisation's public meeting is not this site's.
    const theirs = await as(otherCoord);
    const theirTypes = (await theirs.get('/api/activities/types')).json<{
      items: { termId: string; code: string }[];
    }>();
    expect(
      (
        await theirs.post('/api/activities', {
          typeId: theirTypes.items.find((i) => i.code === 'info_meeting')!.termId,
          title: 'Voorlichting Zuid',
          date: '2026-04-11',
          startTime: '19:00',
          endTime: '21:00',
          municipalityId: (await theirs.get('/api/places/municipalities'))
            .json<{
              items: { id: string; name: string }[];
            }>()
            .items.find((p) => p.name === 'Utrecht')!.id,
          languages: ['nl'],
          audience: 'parents',
          isPublic: true,
        })
      ).statusCode,
    ).toBe(201);
    t.clock.advance(11_000); // past the few seconds the home page keeps its list

    const nl = await visit('/nl/');
    expect(nl.body).toContain('<strong dir="auto">Voorlichting: signalen herkennen</strong>');
    expect(nl.body).toContain('vrijdag 10 april 2026 om 19:30 · Utrecht');
    expect(nl.body).toContain('Taal: Arabisch, Nederlands');
    const ar = await visit('/ar/', { 'accept-encoding': 'gzip' });
    expect(ar.rawPayload.length).toBeLessThan(30 * 1024);
    const arBody = (await visit('/ar/')).body;
    expect(arBody).toContain('<html lang="ar" dir="rtl">');
    expect(arBody).toContain('Voorlichting: signalen herkennen');
    expect(arBody).toContain('اللغة: العربية، الهولندية');
    for (const body of [nl.body, arBody]) {
      expect(body).not.toContain('Kerkstraat');
      expect(body).not.toContain('Besloten moedergroep');
      expect(body).not.toContain('Al geweest');
      expect(body).not.toContain('Afgelast');
      expect(body).not.toContain('Voorlichting Zuid');
      expect(body).not.toMatch(/<script/i);
    }
  });
});

describe.each(kinds)('public site before any organisation exists, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers a friendly page in the visitor’s language, not a 404 or a 500', async () => {
    for (const [lang, text] of [
      ['nl', 'Deze site is nog in voorbereiding'],
      ['ar', 'هذا الموقع قيد الإعداد'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/${lang}/` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(text);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const form = await t.app.inject({ method: 'GET', url: '/nl/callback' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Deze site is nog in voorbereiding');
    const post = await t.app.inject({
      method: 'POST',
      url: '/nl/callback',
      payload: 'alias=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(503);
    expect(post.body).toContain('Deze site is nog in voorbereiding');
  });
});
