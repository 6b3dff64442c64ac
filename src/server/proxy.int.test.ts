import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKinds } from './test/databases.js';
import { createTestApp, setupOrganisation, type SignedIn, type TestApp } from './test/harness.js';

const kinds = await testKinds();

/** Behind a proxy: only the listed proxies' X-Forwarded-* count, and links never follow a request header. */
describe.each(kinds)('behind a reverse proxy on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    // The admin's test agent connects from 10.0.0.1: here that is the (only) trusted proxy.
    t = await createTestApp(kind, { TRUST_PROXY: '10.0.0.1', API_RATE_LIMIT_PER_MINUTE: '10' });
    admin = await setupOrganisation(t);
  }, 300_000);
  afterAll(() => t.close());

  const health = (remoteAddress: string, forwardedFor: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For from an address that is not a listed proxy (rate limits hold)', async () => {
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push((await health('203.0.113.7', `198.51.100.${i}`)).statusCode);
    expect(answers.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('believes X-Forwarded-For from a listed proxy', async () => {
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push((await health('10.0.0.1', `192.0.2.${i}`)).statusCode);
    expect(answers.every((s) => s === 200)).toBe(true);
  });

  it('never builds an invite link from X-Forwarded-Host, even from a trusted proxy', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      remoteAddress: '10.0.0.1',
      headers: {
        cookie: admin.agent.cookie!,
        'x-csrf-token': admin.agent.csrf,
        'x-forwarded-host': 'evil.example',
        'x-forwarded-for': '192.0.2.200',
      },
      payload: { email: 'nieuw@noord.example', displayName: 'Nieuwe collega', role: 'coordinator' },
    });
    expect(res.statusCode).toBe(201);
    const { inviteUrl } = res.json<{ inviteUrl: string }>();
    expect(inviteUrl).not.toContain('evil.example');
    expect(new URL(inviteUrl).hostname).toBe('localhost');
  });
});
