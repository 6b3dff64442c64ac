import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, setupOrganisation, type TestApp } from '../../test/harness.js';
import { createMetrics } from './metrics.service.js';
import { startMetricsServer } from './metrics.server.js';

const kinds = await testKinds();
const TOKEN = 'metrics-token-for-the-test-0123';

describe.each(kinds)('Prometheus metrics on %s', (kind) => {
  let t: TestApp;
  let app: FastifyInstance;
  let server: Awaited<ReturnType<typeof startMetricsServer>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await setupOrganisation(t);
    const metrics = createMetrics(t.deps, t.tdb.database);
    app = await buildApp(t.deps, { databaseKind: kind, web: false, metrics });
    await app.ready();
    server = await startMetricsServer(metrics, { port: 0, host: '127.0.0.1', token: TOKEN });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await t?.close();
  });

  it('refuses a scrape without the token and answers one with it', async () => {
    expect((await fetch(`${server.address}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${server.address}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const ok = await fetch(`${server.address}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts requests by route pattern (never the concrete URL), and reports queue depth and pool use', async () => {
    const id = '3f1c1d1e-1111-4222-8333-444455556666';
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: `/api/cases/${id}` });
    const body = await (
      await fetch(`${server.address}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(body).toMatch(
      /confidant_http_requests_total\{[^}]*route="\/api\/health"[^}]*status="2xx"[^}]*\} 1/,
    );
    expect(body).toContain('route="/api/cases/:id"');
    expect(body).not.toContain(id);
    expect(body).toMatch(/confidant_http_request_duration_seconds_bucket\{/);
    expect(body).toMatch(/confidant_jobs\{[^}]*state="due"[^}]*\} \d+/);
    if (kind === 'postgres') expect(body).toMatch(/confidant_db_pool_connections\{[^}]*state="total"/);
    expect(body).toContain('confidant_process_resident_memory_bytes');
  });
});
