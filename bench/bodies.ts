/**
 * Hostile bodies: how much memory concurrent oversized-but-allowed request bodies cost the server, and
 * whether it survives them. Against the compiled server in its own process:
 *   npm run bench:bodies                                               (embedded PGlite)
 *   BENCH_DB=postgres npm run bench:bodies                             (PostgreSQL)
 *   BENCH_NODE_FLAGS=--max-old-space-size=256 npm run bench:bodies     (with the old generation capped)
 *   BENCH_BODY_CONCURRENCY=60,200,600 npm run bench:bodies
 * For each route, body shape and concurrency, a signed-in coordinator sends that many bodies at once, each
 * just under the route's body limit (the largest the server reads). The bodies are JSON the schema refuses
 * (400), so what is measured is reading and parsing, which happen before validation: a long string, many
 * small objects, many numbers, and deep nesting. The per-IP rate limit is lifted, as if the requests came
 * from many addresses. Samples the server's RSS every 20 ms; writes bench/results/bodies-<db>-<date>.md.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoginSchema } from '../src/shared/auth.schema.js';
import { IntakeSchema } from '../src/shared/cases.schema.js';
import { ConsentCreateSchema } from '../src/shared/consent.schema.js';
import { KnowledgeArticleCreateSchema } from '../src/shared/knowledge.schema.js';
import { CONSENT_DOCUMENT_BODY_LIMIT } from '../src/server/modules/consent/consent.routes.js';
import { bodyLimitFor } from '../src/server/plugins/body-limits.js';
import {
  kindFromEnv,
  load1,
  markdownTable,
  rssMb,
  setUpCoordinator,
  stamp,
  startServer,
  writeResult,
} from './support/runner.js';

const kind = kindFromEnv();
const CONCURRENCY = (process.env.BENCH_BODY_CONCURRENCY ?? '60,200,600').split(',').map(Number);
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** The routes with the largest limits, and a public one (read before anyone signs in). */
const ROUTES: { method: 'POST' | 'PUT'; path: string; limit: number }[] = [
  { method: 'POST', path: '/api/auth/login', limit: bodyLimitFor(LoginSchema) },
  { method: 'POST', path: '/api/intake', limit: bodyLimitFor(IntakeSchema) },
  { method: 'POST', path: '/api/knowledge/articles', limit: bodyLimitFor(KnowledgeArticleCreateSchema) },
  { method: 'POST', path: `/api/cases/${randomUUID()}/consents`, limit: bodyLimitFor(ConsentCreateSchema) },
  {
    method: 'PUT',
    path: `/api/cases/${randomUUID()}/consents/${randomUUID()}/document`,
    limit: CONSENT_DOCUMENT_BODY_LIMIT,
  },
];

/** JSON bodies of about `bytes` bytes that parse into the most memory per byte, and the plainest one. */
const SHAPES: Record<string, (bytes: number) => string> = {
  string: (bytes) => `{"note":"${'a'.repeat(bytes - 12)}"}`,
  objects: (bytes) =>
    `{"x":[${Array(Math.floor((bytes - 8) / 3))
      .fill('{}')
      .join(',')}]}`,
  numbers: (bytes) =>
    `{"x":[${Array(Math.floor((bytes - 8) / 2))
      .fill('0')
      .join(',')}]}`,
  nested: (bytes) => {
    const depth = Math.floor((bytes - 2) / 2);
    return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  },
};

const server = await startServer({
  kind,
  prefix: 'bodies',
  metrics: true,
  env: { API_RATE_LIMIT_PER_MINUTE: '100000000', SESSION_IDLE_MINUTES: '600' },
  nodeFlags: NODE_FLAGS,
});
const session = await setUpCoordinator(server.base);
const url = new URL(server.base);

function send(agent: http.Agent, method: string, path: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...session.headers(), 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1)); // the connection died: the server is gone, or hung up on us
    req.end(body);
  });
}

const alive = async () => {
  try {
    return (await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(10_000) })).ok;
  } catch {
    return false;
  }
};

const rows: (string | number)[][] = [];
const baseline = rssMb(server.pid);
let died = '';
outer: for (const route of ROUTES) {
  for (const [shape, make] of Object.entries(SHAPES)) {
    const body = make(route.limit - 64);
    for (const concurrency of CONCURRENCY) {
      const agent = new http.Agent({ keepAlive: false, maxSockets: concurrency });
      let peak = 0;
      const sampler = setInterval(() => {
        try {
          peak = Math.max(peak, rssMb(server.pid));
        } catch {
          // the process is gone
        }
      }, 20);
      const started = performance.now();
      const statuses = await Promise.all(
        Array.from({ length: concurrency }, () => send(agent, route.method, route.path, body)),
      );
      const ms = performance.now() - started;
      clearInterval(sampler);
      agent.destroy();
      const counts = new Map<number, number>();
      for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
      const up = await alive();
      rows.push([
        `${route.method} ${route.path.replace(/[0-9a-f-]{36}/g, '{id}')}`,
        shape,
        Math.round(Buffer.byteLength(body) / 1024),
        concurrency,
        [...counts].map(([s, n]) => `${s === -1 ? 'conn error' : s}×${n}`).join(', '),
        Math.round(ms),
        Math.round(peak),
        up ? 'yes' : '**no**',
      ]);
      console.log(rows.at(-1)!.join(' | '));
      if (!up) {
        died = `${route.method} ${route.path} ${shape} ×${concurrency}`;
        break outer;
      }
      if (global.gc) global.gc();
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
await server.stop();
await server.cleanup();

const text = [
  `# Hostile bodies — ${kind}, ${new Date().toISOString()}`,
  '',
  `Server flags: \`${NODE_FLAGS.join(' ') || '(default)'}\`; RSS at start ${Math.round(baseline)} MB; ` +
    `load ${load1()}. Each row: that many requests sent at once, every body just under the route's limit.`,
  died ? `\n**The server died** at ${died}.\n` : '',
  markdownTable(
    ['route', 'shape', 'body KB', 'at once', 'statuses', 'ms', 'peak RSS MB', 'alive after'],
    rows,
  ),
  '',
].join('\n');
console.log(`Wrote ${writeResult(`bodies-${kind}-${stamp()}.md`, text)}`);
