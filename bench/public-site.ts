/**
 * The public site under load, over real HTTP, against the real server in its own process:
 *   npm run bench:public                     (embedded PGlite)
 *   BENCH_DB=postgres npm run bench:public   (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Sets up an organisation (which seeds the starter pages), then reports each page's size (HTML with its
 * inline CSS, gzip) in every language, and drives the pages with autocannon (BENCH_CONNECTIONS, default 50)
 * for BENCH_SECONDS after a warm-up: requests per second and the latency per response at p50/p95/p99 (request
 * sent → response complete; for pages of a few kB an upper bound of the time to first byte), with the
 * server's CPU per request and peak RSS. Appends a line to bench/results/public-site.jsonl.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SITE_LANGUAGES, SITE_PAGES } from '../src/shared/public-site.schema.js';
import { kindFromEnv, PASSWORD, phase, startServer } from './support/runner.js';

const kind = kindFromEnv();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

const server = await startServer({ kind, prefix: 'public' });
const base = server.base;
const setup = await fetch(`${base}/api/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': 'bench' },
  body: JSON.stringify({
    organisationName: 'Hulplijn Bench',
    adminName: 'Bench Admin',
    email: 'admin@bench.example',
    password: PASSWORD,
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

// --- load ----------------------------------------------------------------------------------------------
async function drive(label: string, urls: string[]) {
  const row = await phase(server, {
    operation: label,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmup: WARMUP,
    headers: { 'accept-encoding': 'gzip' },
    make: (i) => ({ path: urls[i % urls.length]! }),
  });
  console.log(row);
  return {
    label,
    reqPerSec: row.reqPerSec,
    ttfbP50: row.p50,
    ttfbP95: row.p95,
    ttfbP99: row.p99,
    cpuMsPerReq: row.cpuMsPerReq,
    peakRssMb: row.peakRssMb,
    errors: row.errors,
    load: row.load,
  };
}
const rows = [
  await drive('Arabic home page', ['/ar/']),
  await drive(
    'all pages, all languages',
    paths.filter((p) => !p.endsWith('/callback')),
  ),
];
await server.stop();

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
await server.cleanup();
