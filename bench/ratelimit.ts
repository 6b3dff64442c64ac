/**
 * What the shared per-IP API rate limit costs under concurrency, on PostgreSQL (the only database where its
 * count lives in a table): BENCH_CONNECTIONS (50) concurrent callers from one address, for BENCH_SECONDS each,
 * through the app's own pool (10 connections):
 *   - one upsert per hit on the address's one row (the store before issue 15's bench work),
 *   - the same with a different row per caller (what the hot row costs beside the statement itself),
 *   - the store as it is: one upsert in flight per address and instance, later hits added in one go.
 *   npx tsx bench/ratelimit.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { openDatabase } from '../src/server/db/open.js';
import { Keyring } from '../src/server/lib/crypto/keyring.js';
import { generateMasterKey } from '../src/server/lib/crypto/master-key.js';
import { countHit } from '../src/server/modules/ratelimit/ratelimit.repository.js';
import { postgresRateLimitStore } from '../src/server/modules/ratelimit/ratelimit.store.js';
import { PG_ADMIN_URL } from '../src/server/test/databases.js';
import { load1, markdownTable, percentile, stamp, writeResult } from './support/runner.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const name = `confidant_ratelimit_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const owner = new URL(PG_ADMIN_URL);
owner.pathname = `/${name}`;
const app = new URL(owner);
app.username = 'confidant_ratelimit_app';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-ratelimit-'));
const database = await openDatabase(
  { dataDir, databaseUrl: app.toString(), databaseOwnerUrl: owner.toString() },
  pino({ level: 'warn' }),
);
const keyring = new Keyring([generateMasterKey()]);

async function drive(label: string, hit: (caller: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, caller) => {
      while (performance.now() < deadline) {
        const start = performance.now();
        await hit(caller);
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const row = [
    label,
    Math.round(latencies.length / SECONDS),
    +percentile(latencies, 50).toFixed(1),
    +percentile(latencies, 95).toFixed(1),
    +percentile(latencies, 99).toFixed(1),
    load1(),
  ];
  console.log(row);
  return row;
}
const window = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);
const oneRow = keyring.systemHmac('api-rate-limit', '|bench-one-address');
const rowPerCaller = Array.from({ length: CONNECTIONS }, (_, i) =>
  keyring.systemHmac('api-rate-limit', `|bench-caller-${i}`),
);
const store: FastifyRateLimitStore = new (postgresRateLimitStore(database.db, keyring))({});
const viaStore = () =>
  new Promise<void>((resolve, reject) =>
    store.incr('bench-one-address-store', (err) => (err ? reject(err) : resolve()), 60_000, 1e9),
  );

const rows = [];
// Twice, interleaved: the machine is shared and its load moves.
for (let round = 1; round <= 2; round++) {
  rows.push(
    await drive(`${round}: one upsert per hit, one row`, () => countHit(database.db, oneRow, window())),
  );
  rows.push(
    await drive(`${round}: one upsert per hit, a row per caller`, (c) =>
      countHit(database.db, rowPerCaller[c]!, window()),
    ),
  );
  rows.push(await drive(`${round}: the store (hits added together), one row`, viaStore));
}
await database.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
fs.rmSync(dataDir, { recursive: true, force: true });

const text = `# Rate-limit counter on PostgreSQL: ${CONNECTIONS} concurrent callers, ${SECONDS} s each (${new Date().toISOString()})

Through the app's pool (10 connections). Machine: ${os.cpus().length} CPUs shared; load avg at the end of each run.

${markdownTable(['counting', 'hits/s', 'p50 ms', 'p95 ms', 'p99 ms', 'load avg'], rows)}
`;
const file = writeResult(`ratelimit-postgres-${stamp()}.md`, text);
console.log(`\n${text}\nWritten to ${file}`);
