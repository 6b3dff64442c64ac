import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles.js';
import { apiRoutes, fillPath, type ApiRoute, type JsonSchema } from '../test/api-routes.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { BODIES } from '../test/valid-bodies.js';
import { pathSegment, queryString, rawBody, valueFor, type IdPools } from '../test/hostile-input.js';
import { buildWorld } from '../test/security-world.js';
import { changed, snapshot } from '../test/security-world.snapshot.js';
import { recordField, WHO, type Records, type Who, type World } from '../test/security-world.records.js';
import { send } from '../test/security-world.requests.js';

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
    // Spread into a plain object type: Object.values of an interface (no index signature) is any[].
    const ids = (r: Records) => Object.values({ ...r }).filter((v) => /^[0-9a-f-]{36}$/.test(v));
    pools = {
      records: [...new Set([...ids(w.a.own), ...ids(w.a.other), ...ids(w.b.own), ...ids(w.b.other)])],
      requestIds: [...w.a.requestIds, ...w.b.requestIds],
    };
  }, 900_000);
  afterAll(() => t?.close());

  /** Sends one request and records what is wrong with the answer: a 5xx, a 4xx that is not problem+json, a write. */
  async function check(
    problems: string[],
    route: ApiRoute,
    who: Who,
    url: string,
    payload: unknown,
  ): Promise<void> {
    const agent = who === 'anonymous' ? undefined : w.agents[who];
    const before = route.method !== 'GET' ? await snapshot(w) : undefined;
    const res = await send(
      t,
      agent,
      route.method,
      url,
      payload === undefined ? undefined : asPayload(payload),
    );
    const input = `${route.method} ${url.slice(0, 200)} as ${who} body ${show(payload)}`;
    if (res.statusCode >= 500) {
      problems.push(`${res.statusCode}: ${input}`);
      return;
    }
    if (res.statusCode < 400) return;
    const type = String(res.headers['content-type'] ?? '');
    let code: unknown;
    try {
      code = (JSON.parse(res.body) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (!type.includes('application/problem+json') || typeof code !== 'string')
      problems.push(`${res.statusCode} not problem+json (${type}): ${input} → ${res.body.slice(0, 120)}`);
    if (before) {
      const moved = changed(before, await snapshot(w));
      if (moved.length) problems.push(`${res.statusCode} but wrote ${moved.join(', ')}: ${input}`);
    }
  }

  it('takes one NUL byte, lone surrogate, bad cursor or huge number in an otherwise valid request without a 5xx', async () => {
    const problems: string[] = [];
    let requests = 0;
    const started = Date.now();
    const weights = (await send(t, w.agents.admin, 'GET', '/api/matching/weights')).json<unknown>();
    for (const route of routes) {
      const base = BODIES[route.key]?.({
        w,
        rec: w.a.own,
        token: 'x'.repeat(40),
        courseId: w.a.courseId,
        weights,
      });
      const fields = base ? stringPaths(route.body) : [];
      const queries = Object.entries(route.query).flatMap(([name, schema]) =>
        queryProbes(name, schema).map((q) => `?${q}`),
      );
      if (fields.length === 0 && queries.length === 0) continue;
      const url = fillPath(
        route.path,
        Object.fromEntries(route.params.map((p) => [p, w.a.own[recordField(route, p)]])),
      );
      // The first role that gets past authorisation with valid input carries the probes to the service.
      let who: Role | undefined;
      for (const role of ROLES) {
        const res = await send(t, w.agents[role], route.method, url, base);
        requests += 1;
        if (![401, 403, 404].includes(res.statusCode)) {
          who = role;
          break;
        }
      }
      if (!who) continue;
      for (const path of fields)
        for (const probe of STRING_PROBES) {
          await check(problems, route, who, url, withValue(base!, path, probe));
          requests += 1;
        }
      for (const q of queries) {
        await check(problems, route, who, url + q, base);
        requests += 1;
      }
    }
    process.stdout.write(`[fuzz probes ${kind}] ${requests} requests in ${Date.now() - started} ms\n`);
    expect(problems).toEqual([]);
  }, 900_000);

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

const STRING_PROBES = ['a\u0000b', 'x\ud800y'];

/** Paths to the free-text fields of a body schema (no enums, no formats), one level of nesting and arrays deep. */
function stringPaths(
  schema: JsonSchema | undefined,
  prefix: (string | number)[] = [],
): (string | number)[][] {
  if (!schema || prefix.length > 3) return [];
  const alt = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.[0];
  if (alt) return stringPaths(alt, prefix);
  if (schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern) return [prefix];
  if (schema.type === 'array') return stringPaths(schema.items, [...prefix, 0]);
  if (schema.type === 'object')
    return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => stringPaths(s, [...prefix, k]));
  return [];
}

/** A copy of `body` with `value` at `path` (arrays get one element). */
function withValue(body: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return copy;
}

/** Query values that have broken filters: NUL, a lone surrogate, cursors with a non-UUID id, huge numbers. */
function queryProbes(name: string, schema: JsonSchema): string[] {
  const b64 = (v: string) => Buffer.from(v).toString('base64url');
  if (name === 'after' || name === 'cursor')
    return [
      b64(JSON.stringify({ t: '2026-03-01T00:00:00.000Z', id: 'not-a-uuid' })),
      b64('2026-03-01T00:00:00.000Z|not-a-uuid'),
      b64(JSON.stringify({ t: '0000-01-01', id: '6f1c2e2a-1d2b-4c3d-8e4f-5a6b7c8d9e0f' })),
    ].map((c) => `${name}=${c}`);
  if (schema.type === 'integer' || schema.type === 'number' || name === 'before')
    return ['2147483648', '9223372036854775808', '1e308'].map((n) => `${name}=${n}`);
  if (schema.type === 'string' && !schema.enum && !schema.format)
    return [`${name}=a%00b`, `${name}=x%ED%A0%80y`];
  return [];
}

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
