import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { ManualClock } from '../lib/clock.js';
import { Keyring } from '../lib/crypto/keyring.js';
import { generateMasterKey } from '../lib/crypto/master-key.js';
import type { Deps } from '../lib/deps.js';
import { registerAccessLog } from './access-log.js';

/** Enough to build the app and list its routes; nothing here touches a database. */
function stubDeps(): Deps {
  return {
    db: {} as Deps['db'],
    keyring: new Keyring([generateMasterKey()]),
    clock: new ManualClock(new Date('2026-03-02T08:00:00Z')),
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    log: pino({ level: 'silent' }),
  };
}

/**
 * Routes that return case content (or whether a case exists): their reads must be logged. A new route
 * under one of these paths fails here until it declares a logged read.
 */
const CASE_CONTENT = [
  /^GET \/api\/cases(\/|$)/,
  /^GET \/api\/my-work$/,
  /^GET \/api\/offers$/,
  /^POST \/api\/intake\/lookup$/,
  /^GET \/api\/intake\/drafts$/,
  /^GET \/api\/emergency-requests/,
  /^GET \/api\/disclosures$/,
];
/** Routes that change a case: a refused attempt must at least be logged. */
const CASE_CHANGES = [/^(POST|PUT|PATCH|DELETE) \/api\/cases\/:id/, /^POST \/api\/emergency-requests\//];

describe('route access declarations', () => {
  it('refuses to start when a route under /api declares nothing', async () => {
    const app = Fastify();
    registerAccessLog(app, stubDeps());
    app.get('/api/public-ok', { config: { access: 'none' } }, async () => ({}));
    app.get('/not-api', async () => ({}));
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(
      /GET \/api\/forgotten declares no config.access/,
    );
    await app.close();
  });

  it('every route that shows case data logs its reads, and every change to a case its refusals', async () => {
    const app = await buildApp(stubDeps(), { databaseKind: 'pglite', web: false });
    await app.ready();
    const declared = [...app.accessDeclarations.entries()];
    expect(declared.length).toBeGreaterThan(90);
    const missing: string[] = [];
    for (const [route, decl] of declared) {
      if (route.startsWith('HEAD ')) continue;
      const reads = CASE_CONTENT.some((r) => r.test(route));
      const changes = CASE_CHANGES.some((r) => r.test(route));
      if (reads && (decl === 'none' || decl.only === 'denied')) missing.push(`${route}: reads not logged`);
      if (changes && decl === 'none') missing.push(`${route}: refusals not logged`);
      // A declared parameter must exist in the path, or the row would name no record.
      if (decl !== 'none' && decl.param && !route.includes(`:${decl.param}`)) {
        missing.push(`${route}: no :${decl.param} in the path`);
      }
    }
    expect(missing).toEqual([]);
    await app.close();
  });
});
