import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_BODY_MAX, KNOWLEDGE_TITLE_MAX } from '../../shared/knowledge.schema.js';
import { intakeBody, terms, type Terms } from '../test/cases-fixtures.js';
import { testKinds } from '../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from '../test/harness.js';

const kinds = await testKinds();

/** Body limits in the real app: each route reads what its schema can hold, and nothing bigger. */
describe.each(kinds)('request bodies on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let taxonomy: Terms;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    coordinator = await inviteAndActivate(t, admin.agent, 'coordinator');
    taxonomy = await terms(admin.agent);
  });
  afterAll(() => t.close());

  /** A JSON body exactly as written, from the coordinator's browser (or from no one's). */
  const raw = (url: string, payload: string, signedIn = true) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: coordinator.agent.ip,
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': signedIn ? coordinator.agent.csrf : 'none',
        ...(signedIn && coordinator.agent.cookie ? { cookie: coordinator.agent.cookie } : {}),
      },
      payload,
    });
  const count = (table: 'contacts' | 'audit_log' | 'knowledge_articles') =>
    t.asOwner(async (db) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  it('refuses a 20 KB sign-in before anyone is signed in: 413, problem+json, nothing recorded', async () => {
    const audit = await count('audit_log');
    const res = await raw(
      '/api/auth/login',
      JSON.stringify({ email: 'admin@noord.example', password: 'x'.repeat(20_000) }),
      false,
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(await count('audit_log')).toBe(audit);
  });

  it('takes the largest valid handbook article, written in 3-byte characters (about 120 KB)', async () => {
    const before = await count('knowledge_articles');
    const res = await admin.agent.post('/api/knowledge/articles', {
      category: 'method',
      language: 'nl',
      title: '知'.repeat(KNOWLEDGE_TITLE_MAX),
      body: '知'.repeat(KNOWLEDGE_BODY_MAX),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(Buffer.byteLength(res.body)).toBeGreaterThan(3 * KNOWLEDGE_BODY_MAX);
    expect(await count('knowledge_articles')).toBe(before + 1);
  });

  it('refuses an intake padded with thousands of small objects (3 KB of them), and saves nothing', async () => {
    const contacts = await count('contacts');
    const audit = await count('audit_log');
    const padded = JSON.stringify(intakeBody(taxonomy)).replace(
      /}$/,
      `,"padding":[${Array(1500).fill('{}').join(',')}]}`,
    );
    expect(Buffer.byteLength(padded)).toBeLessThan(16 * 1024);
    const res = await raw('/api/intake', padded);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await count('contacts')).toBe(contacts);
    expect(await count('audit_log')).toBe(audit);

    // The same intake without the padding is saved: the bound is above anything the form sends.
    const ok = await raw('/api/intake', JSON.stringify(intakeBody(taxonomy)));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count('contacts')).toBe(contacts + 1);
  });

  it('refuses an intake over its byte limit (about 30 KB) with 413, where 1 MB was read before', async () => {
    const contacts = await count('contacts');
    const res = await raw(
      '/api/intake',
      JSON.stringify(intakeBody(taxonomy, { summary: 'a'.repeat(40_000) })),
    );
    expect(res.statusCode).toBe(413);
    expect(await count('contacts')).toBe(contacts);
  });
});
