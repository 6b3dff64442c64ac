import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createLogger } from '../lib/logger.js';
import { openCase, staffOrganisation, type Staff } from '../test/cases-fixtures.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../test/harness.js';

const kinds = await testKinds();

/** Sends raw bytes to a listening app and returns everything it answers before closing. */
function rawRequest(port: number, packet: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(packet));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => (answer += String(d)));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/**
 * The HTTP edge (issue 14): bad input is a 400 with the field and reason and writes nothing, never a 5xx;
 * another organisation's record looks missing; framework-level errors are problem documents with the
 * security headers; nothing of a malformed request reaches the log, even at trace.
 */
describe.each(kinds)('HTTP edge on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let otherOrgDraft: string;
  let ip = 0;
  const as = (who: SignedIn): Promise<Agent> => signIn(t, who, `10.14.4.${++ip}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    // A second organisation with a draft of its own, written beside the first as the owner.
    otherOrgDraft = randomUUID();
    await t.asOwner(async (db) => {
      const orgId = randomUUID();
      const userId = randomUUID();
      const now = new Date();
      await db
        .insertInto('organisations')
        .values({ id: orgId, name: 'Hulplijn B', created_at: now, updated_at: now })
        .execute();
      await db
        .insertInto('users')
        .values({
          id: userId,
          org_id: orgId,
          email: 'coord@b.example',
          display_name: 'B coordinator',
          role: 'coordinator',
          status: 'active',
          language: 'nl',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('intake_drafts')
        .values({
          id: otherOrgDraft,
          org_id: orgId,
          user_id: userId,
          data_enc: Buffer.from('sealed'),
          updated_at: now,
        })
        .execute();
    });
  }, 300_000);
  afterAll(() => t.close());

  const draftExists = (id: string) =>
    t.asOwner(
      async (db) =>
        !!(await db.selectFrom('intake_drafts').select('id').where('id', '=', id).executeTakeFirst()),
    );

  it('refuses a NUL byte or a lone surrogate in any text field or filter with 400, and writes nothing', async () => {
    const admin = await as(s.admin);
    const before = (await admin.get('/api/partners')).json<{ items: unknown[] }>().items.length;
    for (const name of ['Wijkteam\u0000Noord', 'Wijkteam \ud800 Noord']) {
      const res = await admin.post('/api/partners', { name, type: 'social_district_team' });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'name', reason: 'invalid_characters' }],
      });
    }
    expect((await admin.get('/api/partners')).json<{ items: unknown[] }>().items).toHaveLength(before);
    const filter = await admin.get('/api/partners?q=a%00b');
    expect(filter.statusCode).toBe(400);
    expect(filter.json()).toMatchObject({ errors: [{ field: 'q', reason: 'invalid_characters' }] });
    const coord = await as(s.coord);
    const caseFilter = await coord.get('/api/cases?municipality=Utrecht%00');
    expect(caseFilter.statusCode).toBe(400);
  });

  it('answers 400, not 500, to a list cursor whose id is not a UUID', async () => {
    const coord = await as(s.coord);
    const at = '2026-01-01T00:00:00.000Z';
    for (const after of [
      b64url(JSON.stringify({ t: at, id: 'not-a-uuid' })),
      b64url(`${at}|not-a-uuid`),
      'garbage',
    ]) {
      const res = await coord.get(`/api/cases?after=${after}`);
      expect(res.statusCode, after).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ field: 'after', reason: 'invalid_cursor' }] });
    }
    const officer = await as(s.officer);
    const log = await officer.get(`/api/disclosures?cursor=${b64url(`${at}|not-a-uuid`)}`);
    expect(log.statusCode).toBe(400);
    expect(log.json()).toMatchObject({ errors: [{ field: 'cursor', reason: 'invalid_cursor' }] });
  });

  it("answers 404 to saving or deleting another organisation's or another user's draft, and changes nothing", async () => {
    const coord = await as(s.coord);
    const put = await coord.request('PUT', `/api/intake/drafts/${otherOrgDraft}`, { data: { note: 'x' } });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ code: 'not_found' });
    expect((await coord.request('DELETE', `/api/intake/drafts/${otherOrgDraft}`)).statusCode).toBe(404);
    expect(await draftExists(otherOrgDraft)).toBe(true);

    const mine = randomUUID();
    const author = await as(s.coord);
    expect((await author.request('PUT', `/api/intake/drafts/${mine}`, { data: { a: 1 } })).statusCode).toBe(
      200,
    );
    const colleague = await as(s.coord2);
    expect((await colleague.request('DELETE', `/api/intake/drafts/${mine}`)).statusCode).toBe(404);
    expect((await colleague.request('DELETE', `/api/intake/drafts/${randomUUID()}`)).statusCode).toBe(404);
    expect(await draftExists(mine)).toBe(true);
    const again = await as(s.coord);
    expect((await again.request('DELETE', `/api/intake/drafts/${mine}`)).statusCode).toBe(204);
    expect(await draftExists(mine)).toBe(false);
  }, 300_000);

  it('refuses a counsellor an access grant on their own case, and records none', async () => {
    const coord = await as(s.coord);
    const { caseId } = await openCase(coord, s.tx);
    await t.asOwner((db) =>
      db.updateTable('cases').set({ counsellor_id: s.couns.userId }).where('id', '=', caseId).execute(),
    );
    const couns = await as(s.couns);
    const res = await couns.post(`/api/cases/${caseId}/access`, { reason: 'Ik wil even kijken' });
    expect(res.statusCode).toBe(403);
    const grants = await t.asOwner((db) =>
      db.selectFrom('case_access_grants').select('id').where('case_id', '=', caseId).execute(),
    );
    expect(grants).toEqual([]);
  }, 300_000);

  it('changes only the fields a partial PATCH names', async () => {
    const admin = await as(s.admin);
    const created = await admin.post('/api/partners', {
      name: 'GGZ Centrum',
      type: 'mental_health',
      municipality: 'Utrecht',
      languages: ['nl', 'ar'],
      secureContact: 'Beveiligde mail via Zorgmail',
      contactPerson: 'Dr. K.',
      notes: 'Spreekuur op dinsdag',
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const patched = await admin.patch(`/api/partners/${id}`, { name: 'GGZ Centrum Utrecht' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'GGZ Centrum Utrecht',
      municipality: 'Utrecht',
      languages: ['nl', 'ar'],
      secureContact: 'Beveiligde mail via Zorgmail',
      contactPerson: 'Dr. K.',
      notes: 'Spreekuur op dinsdag',
      active: true,
    });
  });

  it('answers framework-level errors with problem+json and security headers, without echoing the URL', async () => {
    const longId = 'x'.repeat(300);
    const tooLong = await t.app.inject({ method: 'GET', url: `/api/cases/${longId}` });
    expect(tooLong.statusCode).toBe(414);
    const badEncoding = await t.app.inject({ method: 'GET', url: '/api/cases/%E0%A4%A?secret=1' });
    expect(badEncoding.statusCode).toBe(400);
    for (const res of [tooLong, badEncoding]) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).not.toContain(longId);
      expect(res.body).not.toContain('%E0');
      expect(res.body).not.toContain('secret');
    }
    expect(badEncoding.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'url' }] });
    expect(tooLong.json()).toMatchObject({ code: 'uri_too_long', status: 414 });
  });

  it('logs nothing of a malformed or oversized request at trace, and answers it as a problem', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    await t.app.close();
    t.app = await buildApp(
      { ...t.deps, log: createLogger('trace', sink) },
      { databaseKind: kind, web: false },
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as net.AddressInfo).port;
    const cookie = 'confidant=cookie-value-4b1d2f';
    const csrf = 'csrf-value-77e0a9';
    const body = '{"summary":"body-value-zoon-vertrokken"}';

    const malformed = await rawRequest(
      port,
      `POST /api/intake HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\n` +
        `Content-Length: ${body.length}\r\nBad Header\u0001: y\r\n\r\n${body}`,
    );
    const oversized = await rawRequest(
      port,
      `GET /api/health?q=url-value-9f0c HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-Pad: ${'p'.repeat(20_000)}\r\n` +
        `X-CSRF-Token: ${csrf}\r\n\r\n`,
    );
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    for (const answer of [malformed, oversized]) {
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).toMatch(/content-security-policy: default-src 'self'/i);
      expect(answer).toMatch(/x-frame-options: DENY/i);
      expect(answer).not.toContain('url-value-9f0c');
    }
    expect(oversized).toContain('"code":"headers_too_large"');

    const log = lines.join('');
    for (const secret of [
      'cookie-value-4b1d2f',
      'csrf-value-77e0a9',
      'body-value-zoon-vertrokken',
      'url-value-9f0c',
      'ppppp',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/rawPacket/);
  });
});
