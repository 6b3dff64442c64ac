import http from 'node:http';
import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

/** A GET that shows the response as sent: fetch() would decode it and hide its content-encoding. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
      .on('error', reject);
  });
}

test.describe('static assets and the content security policy', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('serves the hashed scripts and styles pre-compressed, cached for a year; index.html never cached', async () => {
    const index = await fetch(`${server.baseUrl}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const plain = await rawGet(`${server.baseUrl}${asset}`, { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['br', 'gzip'] as const) {
        const res = await rawGet(`${server.baseUrl}${asset}`, { 'accept-encoding': encoding });
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(res.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /css/);
        if (plain.bytes > 4096) expect(res.bytes).toBeLessThan(plain.bytes / 2);
      }
    }
  });

  test('loads the sign-in page without any CSP violation, and logs reports a browser sends', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto('/');
    await expect(page.locator('form').first()).toBeVisible();
    const csp = (await page.request.get('/')).headers()['content-security-policy'];
    expect(csp).toContain('report-uri /api/csp-report');
    expect(errors).toEqual([]);

    // What a browser posts on a violation: accepted without a CSRF header, changes nothing, answers 204.
    const report = await fetch(`${server.baseUrl}/api/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify({
        'csp-report': {
          'document-uri': `${server.baseUrl}/cases/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed`,
          'effective-directive': 'script-src-elem',
          'blocked-uri': 'https://evil.example/x.js?family=secret',
        },
      }),
    });
    expect(report.status).toBe(204);
    await context.close();
  });
});
