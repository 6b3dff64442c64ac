import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('content security policy reports on %s', (kind) => {
  let t: TestApp;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp(
      { ...t.deps, log: pino({ level: 'info' }, sink) },
      { databaseKind: kind, web: false },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('names the report endpoint in the policy of every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain('report-uri /api/csp-report');
    expect(res.headers['reporting-endpoints']).toBe('csp="/api/csp-report"');
  });

  it('logs the directive and the blocked origin of both report formats, never a page path or query', async () => {
    const legacy = await app.inject({
      method: 'POST',
      url: '/api/csp-report',
      headers: { 'content-type': 'application/csp-report' },
      payload: JSON.stringify({
        'csp-report': {
          'document-uri': 'http://localhost/cases/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
          'effective-directive': 'script-src-elem',
          'blocked-uri': 'https://evil.example/x.js?family=secret',
        },
      }),
    });
    expect(legacy.statusCode).toBe(204);
    const modern = await app.inject({
      method: 'POST',
      url: '/api/csp-report',
      headers: { 'content-type': 'application/reports+json' },
      payload: JSON.stringify([
        { type: 'csp-violation', body: { effectiveDirective: 'script-src', blockedURL: 'eval' } },
      ]),
    });
    expect(modern.statusCode).toBe(204);
    const logged = lines.filter((l) => l.includes('content security policy violation')).join('\n');
    expect(logged).toContain('script-src-elem');
    expect(logged).toContain('https://evil.example');
    expect(logged).toContain('"blocked":"eval"');
    expect(logged).not.toContain('secret');
    expect(logged).not.toContain('1b9d6bcd');
  });

  it('takes garbage without an error and keeps the CSRF check on every other state-changing route', async () => {
    const garbage = await app.inject({
      method: 'POST',
      url: '/api/csp-report',
      headers: { 'content-type': 'application/csp-report' },
      payload: '{not json',
    });
    expect(garbage.statusCode).toBe(204);
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.example', password: 'x' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'csrf_failed' });
  });
});
