import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBuffer } from '../../db/database.js';
import { intakeBody, terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { normaliseArabic, pdfText } from '../../test/pdf-text.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import { CALLBACKS_PER_IP_PER_HOUR } from './callback-submit.service.js';

const kinds = await testKinds();

describe.each(kinds)('public site on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let couns: SignedIn;
  let analyst: SignedIn;
  let otherCoord: SignedIn;
  let otherAdmin: SignedIn;
  let officer: SignedIn;
  let ipCount = 0;
  const nextIp = () => `192.0.2.${++ipCount}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    couns = await inviteAndActivate(t, admin.agent, 'counsellor');
    analyst = await inviteAndActivate(t, admin.agent, 'analyst');
    officer = await inviteAndActivate(t, admin.agent, 'privacy_officer');
    // A second organisation on the installation: the public site speaks for the first one.
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    otherAdmin = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    otherCoord = await inviteAndActivate(t, otherAdmin.agent, 'coordinator', 'coord@zuid.example');
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) => signIn(t, who, nextIp());
  const visit = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress: nextIp() });

  /** Draws the form (its time token), lets a person's few seconds pass, and posts it. */
  async function postCallback(
    fields: Record<string, string>,
    opts: { ip?: string; lang?: string; json?: boolean; wait?: boolean } = {},
  ) {
    const lang = opts.lang ?? 'nl';
    const form = await visit(`/${lang}/callback`);
    const token = /name="t" value="([^"]+)"/.exec(form.body)![1]!;
    if (opts.wait !== false) t.clock.advance(10_000);
    const body = { t: token, ...fields };
    return t.app.inject({
      method: 'POST',
      url: `/${lang}/callback`,
      remoteAddress: opts.ip ?? nextIp(),
      ...(opts.json
        ? { payload: body, headers: { 'content-type': 'application/json' } }
        : {
            payload: new URLSearchParams(body).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
    });
  }
  const valid = {
    alias: 'Oum Yassin',
    phone: '06 11 22 33 44',
    language: 'ar',
    safeTimes: 'ochtend tussen 10 en 12',
    mayLeaveMessage: 'no',
    question: 'Mijn zoon is veranderd sinds de zomer.',
  };
  const queue = async (who: SignedIn = coord) =>
    (await as(who)).get('/api/callbacks').then((r) => r.json() as { items: { id: string; alias: string }[] });

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
    const v2 = draft.json() as { id: string; version: number; isPublished: boolean; authorName: string };
    expect(v2).toMatchObject({ version: 2, isPublished: false, authorName: 'Amina Admin' });
    expect((await visit('/en/')).body).toContain('Worried about your child?');
    const list = (await a.get('/api/public-site/pages')).json() as {
      items: { page: string; language: string; state: string }[];
      canEdit: boolean;
    };
    expect(list.canEdit).toBe(true);
    expect(list.items).toHaveLength(20);
    expect(list.items.find((c) => c.page === 'home' && c.language === 'en')!.state).toBe('changed');
    expect(list.items.find((c) => c.page === 'home' && c.language === 'nl')!.state).toBe('published');

    expect((await a.post('/api/public-site/publish', { versionId: v2.id })).statusCode).toBe(200);
    const page = (await visit('/en/')).body;
    expect(page).toContain('Worried? We listen.');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toMatch(/<script|<img|href="javascript:/);
    const history = (await a.get('/api/public-site/history?page=home&language=en')).json() as {
      items: { version: number; isPublished: boolean }[];
    };
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
    const theirs = (await foreign.get('/api/public-site/history?page=home&language=en')).json() as {
      items: { id: string }[];
    };
    expect(theirs.items.map((v) => v.id)).not.toContain(v2.id);
    const bad = await a.post('/api/public-site/pages', {
      page: 'blog',
      language: 'fr',
      title: '',
      body: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'language',
      'page',
      'title',
    ]);
    const po = await as(admin);
    const audit = (
      await (
        await signIn(t, await inviteAndActivate(t, po, 'privacy_officer'), nextIp())
      ).get(`/api/audit?entity=public_page&entityId=${v2.id}`)
    ).json() as { items: { action: string }[] };
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

  it('refuses bad input with field messages in the visitor’s language, and writes nothing', async () => {
    const before = (await queue()).items.length;
    const badPhone = await postCallback({ ...valid, phone: '12345' }, { lang: 'ar' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.body).toContain('هذا ليس رقم هاتف صحيحاً.');
    expect(badPhone.body).toContain('aria-invalid="true"');
    expect(badPhone.body).toContain('value="Oum Yassin"');
    const json = await postCallback(
      { ...valid, phone: 'bel me', question: 'x'.repeat(1001) },
      { json: true },
    );
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((json.json() as { errors: { field: string; reason: string }[] }).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'question', reason: 'too_big' }),
        expect.objectContaining({ field: 'phone', reason: 'invalid_phone' }),
      ]),
    );
    const empty = await postCallback({ alias: '', phone: '', safeTimes: '', language: 'xx' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Vul dit veld in.');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/nl/callback',
      remoteAddress: nextIp(),
      headers: { 'content-type': 'application/json' },
      payload: { ...valid, t: `${Date.now()}.AAAA` },
    });
    expect((forged.json() as { errors: { reason: string }[] }).errors[0]!.reason).toBe('expired');
    // A bot: the same neutral confirmation, nothing stored.
    const honeypot = await postCallback({ ...valid, website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(303);
    expect(honeypot.headers.location).toBe('/nl/callback/sent');
    const tooFast = await postCallback(valid, { wait: false });
    expect(tooFast.statusCode).toBe(303);
    expect((await queue()).items.length).toBe(before);
  });

  it(`accepts ${CALLBACKS_PER_IP_PER_HOUR} requests per address per hour, then answers neutrally`, async () => {
    const ip = nextIp();
    const before = (await queue()).items.length;
    for (let i = 0; i < CALLBACKS_PER_IP_PER_HOUR; i++) {
      const res = await postCallback({ ...valid, alias: `Limiet ${i}` }, { ip });
      expect(res.statusCode).toBe(303);
    }
    const page = await postCallback({ ...valid, alias: 'Limiet 6' }, { ip });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Even wachten');
    const json = await postCallback({ ...valid, alias: 'Limiet 7' }, { ip, json: true });
    expect(json.statusCode).toBe(429);
    expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await queue()).items.length).toBe(before + CALLBACKS_PER_IP_PER_HOUR);
    // The next hour the address may ask again.
    t.clock.advance(3_600_000);
    expect((await postCallback({ ...valid, alias: 'Volgend uur' }, { ip })).statusCode).toBe(303);
  });

  it('lands sealed, with the phone indexed as intake does, in the coordinators’ queue only', async () => {
    const sent = await postCallback({ ...valid, alias: 'Umm Sara', phone: '+31 6 23456789' }, { lang: 'ar' });
    expect(sent.headers.location, sent.body.slice(-1500)).toBe('/ar/callback/sent');
    const confirmation = await visit('/ar/callback/sent');
    expect(confirmation.body).toContain('شكراً، تم إرسال طلبك');
    const c = await as(coord);
    const items = (await c.get('/api/callbacks')).json() as {
      items: { id: string; alias: string; language: string; safeTimes: string; mayLeaveMessage: boolean }[];
    };
    const item = items.items.find((i) => i.alias === 'Umm Sara')!;
    expect(item).toMatchObject({ language: 'ar', safeTimes: valid.safeTimes, mayLeaveMessage: false });
    const detail = (await c.get(`/api/callbacks/${item.id}`)).json() as { phone: string; question: string };
    expect(detail).toMatchObject({ phone: '+31623456789', question: valid.question });
    const log = (
      (
        await (await as(officer)).get(`/api/access-log?entity=callback_request&entityId=${item.id}`)
      ).json() as {
        items: { actorId: string; purpose: string }[];
      }
    ).items;
    expect(log).toContainEqual(expect.objectContaining({ actorId: coord.userId, purpose: 'callback' }));

    for (const who of [couns, analyst, admin]) {
      const a = await as(who);
      expect((await a.get('/api/callbacks')).statusCode).toBe(403);
      expect((await a.get(`/api/callbacks/${item.id}`)).statusCode).toBe(403);
    }
    const other = await as(otherCoord);
    expect((await other.get('/api/callbacks')).json()).toEqual({ items: [] });
    expect((await other.get(`/api/callbacks/${item.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/callbacks/${item.id}/close`, { reason: 'other' })).statusCode).toBe(404);

    // Turn it into a contact: the intake saves the contact and marks the request done, in one transaction.
    const tx = await terms(c);
    const body = intakeBody(tx, {
      callbackId: item.id,
      channel: 'web_callback',
      callerAlias: 'Umm Sara',
      phone: detail.phone,
      outcome: 'info_only',
    });
    const saved = await c.post('/api/intake', body);
    expect(saved.statusCode).toBe(200);
    const contactId = (saved.json() as { contactId: string }).contactId;
    expect((await c.get(`/api/callbacks/${item.id}`)).json()).toMatchObject({ status: 'done', contactId });
    expect((await queue()).items.map((i) => i.id)).not.toContain(item.id);
    const twice = await c.post('/api/intake', { ...body, requestId: crypto.randomUUID() });
    expect(twice.statusCode).toBe(400);
    expect((twice.json() as { errors: { reason: string }[] }).errors[0]!.reason).toBe('callback_not_open');

    const raw = await t.asOwner(async (db) => {
      const cb = await db
        .selectFrom('callback_requests')
        .select(['alias_enc', 'phone_enc', 'question_enc', 'phone_hmac'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      const caller = await db
        .selectFrom('contacts')
        .innerJoin('callers', 'callers.id', 'contacts.caller_id')
        .select('callers.phone_hmac')
        .where('contacts.id', '=', contactId)
        .executeTakeFirstOrThrow();
      return { cb, caller };
    });
    for (const sealed of [raw.cb.alias_enc, raw.cb.phone_enc, raw.cb.question_enc!]) {
      const text = toBuffer(sealed).toString('latin1');
      expect(text).not.toContain('Umm');
      expect(text).not.toContain('23456789');
      expect(text).not.toContain('zomer');
    }
    expect(toBuffer(raw.cb.phone_hmac).equals(toBuffer(raw.caller.phone_hmac!))).toBe(true);
  });

  it('closes a request with a reason, once, and audits it', async () => {
    await postCallback({ ...valid, alias: 'Sluiten' });
    const c = await as(coord);
    const id = (await queue()).items.find((i) => i.alias === 'Sluiten')!.id;
    expect((await c.post(`/api/callbacks/${id}/close`, { reason: 'pigeon' })).statusCode).toBe(400);
    const closed = await c.post(`/api/callbacks/${id}/close`, { reason: 'unreachable' });
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'unreachable' });
    expect((await c.post(`/api/callbacks/${id}/close`, { reason: 'other' })).statusCode).toBe(409);
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
    const types = (await c.get('/api/activities/types')).json() as {
      items: { termId: string; code: string }[];
    };
    const info = types.items.find((i) => i.code === 'info_meeting')!.termId;
    const places = (await c.get('/api/places/municipalities')).json() as {
      items: { id: string; name: string }[];
    };
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
    const cancelled = (await plan({ title: 'Afgelast' })).json() as { id: string };
    expect((await c.patch(`/api/activities/${cancelled.id}`, { cancelled: true })).statusCode).toBe(200);
    // Another organisation's public meeting is not this site's.
    const theirs = await as(otherCoord);
    const theirTypes = (await theirs.get('/api/activities/types')).json() as {
      items: { termId: string; code: string }[];
    };
    expect(
      (
        await theirs.post('/api/activities', {
          typeId: theirTypes.items.find((i) => i.code === 'info_meeting')!.termId,
          title: 'Voorlichting Zuid',
          date: '2026-04-11',
          startTime: '19:00',
          endTime: '21:00',
          municipalityId: (
            (await theirs.get('/api/places/municipalities')).json() as {
              items: { id: string; name: string }[];
            }
          ).items.find((p) => p.name === 'Utrecht')!.id,
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

  it('purges handled callback requests and, after the retention period, unanswered ones, leaving a count', async () => {
    const drain = async () => {
      while ((await runDueJobs(t.deps, jobHandlers, 'callbacks-test')) > 0) {
        /* until the queue is empty */
      }
    };
    await drain();
    const c = await as(coord);
    await postCallback({ ...valid, alias: 'Wacht nog' });
    const before = (await queue()).items;
    const closeMe = before.find((i) => i.alias === 'Wacht nog')!.id;
    expect((await c.post(`/api/callbacks/${closeMe}/close`, { reason: 'unreachable' })).statusCode).toBe(200);
    const count = () =>
      t.asOwner(async (db) => {
        const { rows } = await sql<{
          status: string;
          n: string;
        }>`select status, count(*)::text as n from callback_requests group by status order by status`.execute(
          db,
        );
        return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      });
    const open = (await count()).open!;
    expect((await count()).closed).toBeGreaterThan(0);
    // The next night: handled requests go, open ones (younger than 60 days) stay.
    t.clock.advance(86_400_000);
    await drain();
    expect(await count()).toEqual({ open });
    // Sixty days on, the unanswered ones go too; the admin's period decides (here the default).
    const a = await as(admin);
    expect((await a.get('/api/organisation/retention-settings')).json()).toEqual({
      peerNotesDays: 90,
      callbackDays: 60,
    });
    t.clock.advance(60 * 86_400_000);
    await drain();
    expect(await count()).toEqual({});
    expect((await queue()).items).toEqual([]);
    // A count-only trace: how many went and why, nothing of what they said.
    const purges = await t.asOwner(async (db) => {
      const { rows } = await sql<{
        details: { handled: number; expired: number };
      }>`select details from audit_log where action = 'callback.purge' order by id`.execute(db);
      return rows.map((r) => [r.details.handled, r.details.expired]);
    });
    expect(purges).toHaveLength(2);
    expect(purges[0]![0]).toBeGreaterThan(0);
    expect(purges[0]![1]).toBe(0);
    expect(purges[1]).toEqual([0, open]);
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
