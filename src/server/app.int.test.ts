import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createLogger } from './lib/logger.js';
import { testKinds } from './test/databases.js';
import { Agent, createTestApp, setupOrganisation, STRONG_PASSWORD, type TestApp } from './test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('HTTP guarantees on %s', (kind) => {
  let t: TestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Rebuild the app with a logger that keeps every line, to prove what is never logged.
    await t.app.close();
    const sink = new Writable({ write: (chunk, _enc, cb) => (logged.push(String(chunk)), cb()) });
    t.deps = { ...t.deps, log: createLogger('trace', sink) };
    t.app = await buildApp(t.deps, { databaseKind: kind, web: false });
    await setupOrganisation(t, 'Hulplijn Noord', 'logcheck@noord.example');
  });
  afterAll(() => t.close());

  it('answers /api/health after checking the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('sends strict security headers and no-store on API responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/setup/status' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS when served over TLS behind a trusted proxy', async () => {
    const proxied = await createTestApp(kind, { TRUST_PROXY: '127.0.0.1' });
    try {
      const res = await proxied.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('publishes an OpenAPI document that lists the routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/auth/login',
      '/api/users',
      '/api/users/{id}/deactivate',
      '/api/audit',
      '/api/access-log',
      '/api/health',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('answers malformed JSON, unknown routes and wrong types with problem+json', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'none' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(malformed.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body', reason: 'malformed' }],
    });
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', status: 404 });
    const wrong = await new Agent(t).post('/api/auth/login', { email: 'not-an-email', password: 5 });
    expect(wrong.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        { field: 'email', reason: 'invalid_format' },
        { field: 'password', reason: 'invalid_type' },
      ],
    });
  });

  it('never logs bodies, cookies, e-mail addresses or passwords', async () => {
    const agent = new Agent(t, '10.5.0.1');
    await agent.post('/api/auth/login', { email: 'logcheck@noord.example', password: STRONG_PASSWORD });
    await agent.get('/api/auth/session?phone=0612345678');
    const text = logged.join('');
    expect(text).toContain('"route":"/api/auth/login"');
    expect(text).not.toContain(STRONG_PASSWORD);
    expect(text).not.toContain('logcheck@noord.example');
    expect(text).not.toContain('0612345678');
    expect(text).not.toContain(agent.cookie!.split('=')[1]!);
    expect(text).not.toMatch(/cookie/i);
  });

  it('applies CSRF and no-store to percent-encoded API paths too', async () => {
    const sneaky = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/login',
      payload: { email: 'x@y.example', password: 'whatever it is' },
    });
    expect(sneaky.statusCode).toBe(403);
    expect(sneaky.json()).toMatchObject({ code: 'csrf_failed' });
    const read = await t.app.inject({ method: 'GET', url: '/%61pi/setup/status' });
    expect(read.headers['cache-control']).toBe('no-store');
  });
});
