import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath, type ApiRoute } from '../test/api-routes.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { pathSegment, queryString, rawBody, valueFor, type IdPools } from '../test/hostile-input.js';
import {
  buildWorld,
  changed,
  send,
  snapshot,
  WHO,
  type Records,
  type Who,
  type World,
} from '../test/security-world.js';

/**
 * Bounded fuzzing of every route (issue 14): hostile input as every role and as nobody, on PGlite and
 * PostgreSQL. Zero 5xx; every 4xx is problem+json with a code; a state-changing request that fails writes
 * nothing. Fixed seed; `FUZZ_RUNS` (requests per route) makes it bigger locally.
 */

const kinds = await testKinds();
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

interface Sample {
  who: Who;
  segments: string[];
  query: string;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'none' };
}

function sampleArb(route: ApiRoute, pools: IdPools): fc.Arbitrary<Sample> {
  const withBody = route.method !== 'GET' && route.method !== 'DELETE';
  const body: fc.Arbitrary<Sample['body']> = withBody
    ? fc.oneof(
        {
          arbitrary: valueFor(route.body, pools).map((value) => ({ kind: 'json' as const, value })),
          weight: 6,
        },
        { arbitrary: rawBody.map((text) => ({ kind: 'raw' as const, text })), weight: 1 },
      )
    : fc.constant({ kind: 'none' as const });
  return fc.record({
    // Mostly signed in: anonymous requests stop at the door.
    who: fc.constantFrom<Who>(...WHO, 'admin', 'coordinator', 'counsellor'),
    segments: fc.tuple(...route.params.map(() => pathSegment(pools))),
    query: queryString(route.query, pools),
    body,
  });
}

/** A stable seed per route, so one route's failures replay alone with the same inputs. */
const seedOf = (key: string) => [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);

describe.each(kinds)('bounded fuzzing of every route on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let routes: ApiRoute[];
  let pools: IdPools;

  beforeAll(async () => {
    t = await createTestApp(kind, { API_RATE_LIMIT_PER_MINUTE: '1000000' });
    w = await buildWorld(t);
    routes = apiRoutes(t.app);
    const ids = (r: Records) => Object.values(r).filter((v) => /^[0-9a-f-]{36}$/.test(v));
    pools = {
      records: [...new Set([...ids(w.a.own), ...ids(w.a.other), ...ids(w.b.own), ...ids(w.b.other)])],
      requestIds: [...w.a.requestIds, ...w.b.requestIds],
    };
  }, 900_000);
  afterAll(() => t?.close());

  it('answers hostile input without a 5xx, with problem+json for every 4xx, and writes nothing when it fails', async () => {
    const problems: string[] = [];
    let requests = 0;
    const started = Date.now();
    for (const route of routes) {
      const samples = fc.sample(sampleArb(route, pools), { seed: seedOf(route.key), numRuns: RUNS });
      for (const s of samples) {
        // A request that ends the session would end the fuzzing for that role: send it as nobody.
        const who = route.key === 'POST /api/auth/logout' ? 'anonymous' : s.who;
        const agent = who === 'anonymous' ? undefined : w.agents[who];
        const values = Object.fromEntries(route.params.map((p, i) => [p, s.segments[i]!]));
        const url = fillPath(route.path, values) + s.query;
        const payload =
          s.body.kind === 'json' ? s.body.value : s.body.kind === 'raw' ? s.body.text : undefined;
        const writes = route.method !== 'GET';
        const before = writes ? await snapshot(w) : undefined;
        const res = await send(
          t,
          agent,
          route.method,
          url,
          payload === undefined ? undefined : asPayload(payload),
        );
        requests += 1;
        const input = `${route.method} ${url.slice(0, 200)} as ${who} body ${show(payload)}`;
        if (res.statusCode >= 500) {
          problems.push(`${res.statusCode}: ${input}`);
          continue;
        }
        if (res.statusCode >= 400) {
          const type = String(res.headers['content-type'] ?? '');
          let code: unknown;
          try {
            code = (JSON.parse(res.body) as { code?: unknown }).code;
          } catch {
            code = undefined;
          }
          if (!type.includes('application/problem+json') || typeof code !== 'string')
            problems.push(
              `${res.statusCode} not problem+json (${type}): ${input} → ${res.body.slice(0, 120)}`,
            );
          if (before) {
            const moved = changed(before, await snapshot(w));
            if (moved.length) problems.push(`${res.statusCode} but wrote ${moved.join(', ')}: ${input}`);
          }
        }
      }
    }
    process.stdout.write(
      `[fuzz ${kind}] ${requests} requests over ${routes.length} routes (${RUNS} each, seed ${SEED}) in ${Date.now() - started} ms\n`,
    );
    expect(problems).toEqual([]);
  }, 900_000);
});

/** JSON bodies go as objects (light-my-request serialises them); raw text goes as is, typed as JSON. */
function asPayload(v: unknown): unknown {
  if (typeof v === 'string') return v;
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return '-';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…(${s.length} chars)` : s);
}
