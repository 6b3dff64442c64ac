/**
 * The public site under load, over real HTTP, against the real server in its own process:
 *   npm run bench:public                     (embedded PGlite)
 *   BENCH_DB=postgres npm run bench:public   (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Sets up an organisation (which seeds the starter pages), then reports each page's size (HTML with its
 * inline CSS, gzip) in every language, and drives the pages with autocannon (BENCH_CONNECTIONS, default 50)
 * for BENCH_SECONDS after a warm-up: requests per second and the latency per response at p50/p95/p99
 * (autocannon's own histogram has no p95; for pages this small it bounds the time to first byte). Appends a line to bench/results/public-site.jsonl.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { SITE_LANGUAGES, SITE_PAGES } from '../src/shared/public-site.schema.js';
import { PG_ADMIN_URL } from '../src/server/test/databases.js';
import { freePort } from '../tests/e2e/support/server.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-public-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let pgDatabase: string | undefined;
const env: Record<string, string> = {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  PUBLIC_URL: base,
  LOG_LEVEL: 'warn',
};
if (kind === 'postgres') {
  pgDatabase = `confidant_public_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${pgDatabase}`);
  await admin.end();
  const owner = new URL(PG_ADMIN_URL);
  owner.pathname = `/${pgDatabase}`;
  const app = new URL(owner);
  app.username = 'confidant_public_app';
  env.DATABASE_OWNER_URL = owner.toString();
  env.DATABASE_URL = app.toString();
}
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: { ...process.env, ...env },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 600) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const setup = await fetch(`${base}/api/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': 'bench' },
  body: JSON.stringify({
    organisationName: 'Hulplijn Bench',
    adminName: 'Bench Admin',
    email: 'admin@bench.example',
    password: 'kitchen table at seven in the evening',
  }),
});
if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);

// --- sizes: every page in every language, as sent (HTML with its inline stylesheet), gzipped -----------
const paths = SITE_LANGUAGES.flatMap((l) => [
  ...SITE_PAGES.map((p) => (p === 'home' ? `/${l}/` : `/${l}/${p}`)),
  `/${l}/callback`,
]);
const sizes: { path: string; html: number; gzip: number }[] = [];
for (const p of paths) {
  const res = await fetch(`${base}${p}`, { headers: { 'accept-encoding': 'identity' } });
  const html = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
  sizes.push({ path: p, html: html.length, gzip: gzipSync(html).length });
}
const largest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
console.table(sizes);

// --- load: time to first byte per response ----------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
async function drive(label: string, urls: string[]) {
  let i = 0;
  const run = (seconds: number, samples?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration: seconds,
          headers: { 'accept-encoding': 'gzip' },
          requests: [{ setupRequest: (req) => ({ ...req, path: urls[i++ % urls.length] }) }],
        },
        (error, result) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
      // Request sent → response complete: for pages of a few kB an upper bound of the time to first byte.
      if (samples) instance.on('response', (_client, _status, _bytes, ms: number) => samples.push(ms));
    });
  await run(WARMUP);
  const samples: number[] = [];
  const result = await run(SECONDS, samples);
  samples.sort((a, b) => a - b);
  const row = {
    label,
    reqPerSec: Math.round(result.requests.average),
    ttfbP50: +percentile(samples, 50).toFixed(1),
    ttfbP95: +percentile(samples, 95).toFixed(1),
    ttfbP99: +percentile(samples, 99).toFixed(1),
    errors: result.non2xx + result.errors + result.timeouts,
  };
  console.log(row);
  return row;
}
const rows = [
  await drive('Arabic home page', ['/ar/']),
  await drive(
    'all pages, all languages',
    paths.filter((p) => !p.endsWith('/callback')),
  ),
];
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const record = {
  at: new Date().toISOString(),
  database: kind,
  connections: CONNECTIONS,
  seconds: SECONDS,
  cpus: os.cpus().length,
  largestPage: largest,
  rows,
};
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.appendFileSync(path.join('bench', 'results', 'public-site.jsonl'), `${JSON.stringify(record)}\n`);
console.log(JSON.stringify(record, null, 2));

fs.rmSync(dataDir, { recursive: true, force: true });
if (pgDatabase) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${pgDatabase} with (force)`);
  await admin.end();
}
