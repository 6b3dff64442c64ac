import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBuffer } from '../../db/database.js';
import { intakeBody, terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import type { SignedIn, TestApp } from '../../test/harness.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import { CALLBACKS_PER_IP_PER_HOUR } from './callback-submit.service.js';
import { publicSiteWorld } from '../../test/public-site-fixtures.js';

const kinds = await testKinds();

/** Callback requests from the public site: refused input, the per-address limit, the queue, closing and purging. */
describe.each(kinds)('public site: callback requests on %s', (kind) => {
  const { world, nextIp, as, visit, postCallback, valid, queue } = publicSiteWorld(kind);
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let couns: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let otherCoord: SignedIn;
  beforeAll(() => ({ t, admin, coord, couns, analyst, officer, otherCoord } = world));

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
    expect(json.json<{ errors: { field: string; reason: string }[] }>().errors).toEqual(
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
    expect(forged.json<{ errors: { reason: string }[] }>().errors[0]!.reason).toBe('expired');
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
    const items = (await c.get('/api/callbacks')).json<{
      items: { id: string; alias: string; language: string; safeTimes: string; mayLeaveMessage: boolean }[];
    }>();
    const item = items.items.find((i) => i.alias === 'Umm Sara')!;
    expect(item).toMatchObject({ language: 'ar', safeTimes: valid.safeTimes, mayLeaveMessage: false });
    const detail = (await c.get(`/api/callbacks/${item.id}`)).json<{ phone: string; question: string }>();
    expect(detail).toMatchObject({ phone: '+31623456789', question: valid.question });
    const log = (
      await (await as(officer)).get(`/api/access-log?entity=callback_request&entityId=${item.id}`)
    ).json<{
      items: { actorId: string; purpose: string }[];
    }>().items;
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
    const contactId = saved.json<{ contactId: string }>().contactId;
    expect((await c.get(`/api/callbacks/${item.id}`)).json()).toMatchObject({ status: 'done', contactId });
    expect((await queue()).items.map((i) => i.id)).not.toContain(item.id);
    const twice = await c.post('/api/intake', { ...body, requestId: crypto.randomUUID() });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ errors: { reason: string }[] }>().errors[0]!.reason).toBe('callback_not_open');

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
