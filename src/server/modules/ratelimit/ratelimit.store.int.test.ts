import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { KyselyPlugin } from 'kysely';
import { generateMasterKey } from '../../lib/crypto/master-key.js';
import { Keyring } from '../../lib/crypto/keyring.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testKinds, type TestDatabase } from '../../test/databases.js';
import { postgresRateLimitStore } from './ratelimit.store.js';

const kinds = await testKinds();
const MINUTE = 60_000;

/** Counts the statements a Kysely instance sends. */
function counting(): KyselyPlugin & { statements: number } {
  const plugin = {
    statements: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      plugin.statements++;
      return args.node;
    },
    transformResult: (args: Parameters<KyselyPlugin['transformResult']>[0]) => Promise.resolve(args.result),
  };
  return plugin;
}

const hit = (store: FastifyRateLimitStore, key: string) =>
  new Promise<number>((resolve, reject) =>
    store.incr(
      key,
      (err, result) => (err || !result ? reject(err ?? new Error('no result')) : resolve(result.current)),
      MINUTE,
      1000,
    ),
  );
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.each(kinds)('the shared API rate-limit store on %s', (kind) => {
  let tdb: TestDatabase;
  const keyring = new Keyring([generateMasterKey()]);
  beforeAll(async () => {
    tdb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await tdb?.destroy();
  });

  // The counts belong to the wall-clock minute: start well inside one.
  async function insideAMinute() {
    const into = Date.now() % MINUTE;
    if (into > 50_000) await new Promise((r) => setTimeout(r, MINUTE - into + 100));
  }

  it('gives 60 concurrent hits of one key each its own place in the count, in fewer statements', async () => {
    await insideAMinute();
    const plugin = counting();
    const Store = postgresRateLimitStore(tdb.database.db.withPlugin(plugin), keyring);
    const store = new Store({});
    const counts = await Promise.all(range(60).map(() => hit(store, '10.9.0.1')));
    expect([...counts].sort((a, b) => a - b)).toEqual(range(60));
    // One upsert went alone, the rest were added together while it was in flight (two or three at most
    // on a slow machine, never one per hit).
    expect(plugin.statements).toBeLessThan(10);
    // Sequential hits still count one by one.
    expect(await hit(store, '10.9.0.1')).toBe(61);
    expect(await hit(store, '10.9.0.1')).toBe(62);
  });

  it('counts two instances against one shared total, and other keys apart', async () => {
    await insideAMinute();
    const a = new (postgresRateLimitStore(tdb.database.db, keyring))({});
    const b = new (postgresRateLimitStore(tdb.database.db, keyring))({});
    const counts = await Promise.all(range(80).map((i) => hit(i % 2 ? a : b, '10.9.0.2')));
    expect([...counts].sort((x, y) => x - y)).toEqual(range(80));
    expect(await hit(a, '10.9.0.3')).toBe(1);
    // A route's own limit counts apart from the API-wide one.
    const route = a.child({ method: 'POST', url: '/api/auth/login' } as never);
    expect(await hit(route, '10.9.0.2')).toBe(1);
    expect(await hit(b, '10.9.0.2')).toBe(81);
  });
});
