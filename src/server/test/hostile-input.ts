import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { JsonSchema } from './api-routes.js';

/**
 * Bounded hostile input for the API fuzzing (issue 14): strings with NUL bytes and lone surrogates, very
 * long strings, wrong types, nested garbage, huge numbers, malformed UUIDs and cursors, other
 * organisations' ids, replayed request ids, and odd percent-encoding in the path.
 */

/** Ids the generators draw from besides random ones: records of both organisations and used request ids. */
export interface IdPools {
  records: string[];
  requestIds: string[];
}

const LONG = 'A'.repeat(20_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    '\u202eevil',
    '😀',
    '\uFEFF',
    '',
    ' ',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '${jndi:x}',
    LONG,
    'é'.repeat(5_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -0,
    1.5,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER + 2,
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const malformedUuid = fc.constantFrom(
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1c2e2a-0000-4000-8000-00000000000g',
  '6F1C2E2A-1D2B-4C3D-8E4F-5A6B7C8D9E0F',
  '{6f1c2e2a-1d2b-4c3d-8e4f-5a6b7c8d9e0f}',
  '6f1c2e2a1d2b4c3d8e4f5a6b7c8d9e0f',
  '6f1c2e2a-1d2b-4c3d-8e4f-5a6b7c8d9e0f\u0000',
  '1',
  '',
);

export function idValue(pools: IdPools): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...pools.records),
    fc.constantFrom(...pools.requestIds),
    fc.constant(null).map(() => randomUUID()),
    malformedUuid,
  );
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Keyset cursors that decode, almost: a date and an id, each of them wrong in some way. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('2026-03-01T00:00:00.000Z', '0000-01-01', '275760-09-13', '1e999', 'not a date', ''),
      fc.oneof(malformedUuid, fc.constant(randomUUID()), hostileString),
    )
    .chain(([t, id]) =>
      fc.constantFrom(b64(JSON.stringify({ t, id })), b64(`${t}|${id}`), b64(JSON.stringify({ t, id: 5 }))),
    ),
  fc.constantFrom('!!!', '%%', b64('{"t":'), b64('[]'), b64('null'), LONG),
  hostileString,
);

/** A value for a schema: mostly the right shape with a wrong value inside, sometimes the wrong type. */
export function valueFor(
  schema: JsonSchema | undefined,
  pools: IdPools,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const garbage = fc.oneof(
    hostileString,
    hostileNumber,
    fc.constantFrom(null, true, false, [], {}, [[[[[]]]]], { __proto__: { admin: true } }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  if (!schema || depth > 4) return garbage;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, pools, name, depth + 1)), garbage);
  const right = rightShape(schema, pools, name, depth);
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: garbage, weight: 1 });
}

function rightShape(schema: JsonSchema, pools: IdPools, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid' || /Id$/.test(name)) return idValue(pools);
      if (/^(cursor|after)$/.test(name)) return hostileCursor;
      if (schema.format === 'date' || schema.format === 'date-time')
        return fc.oneof(
          fc.constantFrom('2026-02-29', '2026-13-01', '9999-12-31', '0000-01-01', '2026-03-02T25:00:00Z'),
          hostileString,
        );
      return hostileString;
    case 'integer':
    case 'number':
      return hostileNumber;
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
    case 'array':
      return fc.array(valueFor(schema.items, pools, name, depth + 1), { maxLength: 6 });
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const shaped = fc.record(
        Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, pools, k, depth + 1)])),
        { requiredKeys: [] },
      );
      const extra = fc.dictionary(
        fc.constantFrom('override', 'orgId', 'org_id', 'force', 'role', '__proto__'),
        hostileString,
        {
          maxKeys: 2,
        },
      );
      return fc.tuple(shaped, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Raw bodies that are not JSON at all, or JSON that a parser may choke on. */
export const rawBody: fc.Arbitrary<string> = fc.constantFrom(
  '{',
  '{"a":',
  '[1e999]',
  '{"x":1e999}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'null',
  '"string"',
  '12',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  `{"a":"${'x'.repeat(1_100_000)}"}`,
);

/** A path segment: a real id (own, another organisation's, missing) or something odd, already encoded. */
export function pathSegment(pools: IdPools): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pools.records), weight: 3 },
    { arbitrary: fc.constant(null).map(() => randomUUID()), weight: 1 },
    { arbitrary: malformedUuid.map(encodeURIComponent), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%00',
        '%C0%AF',
        '%ED%A0%80',
        '%FF%FE',
        '..%2F..%2Fsetup',
        '%2e%2e',
        '%u0041',
        'a'.repeat(3_000),
        '%20',
        encodeURIComponent('😀'),
      ),
      weight: 2,
    },
    { arbitrary: hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))), weight: 1 },
  );
}

/** A query string for a route's query parameters, with hostile values, repeated keys and odd encoding. */
export function queryString(query: Record<string, JsonSchema>, pools: IdPools): fc.Arbitrary<string> {
  const names = Object.keys(query);
  if (names.length === 0)
    return fc.oneof(fc.constant(''), fc.constantFrom('?override=true&force=1', '?%ZZ=1', '?a=%00'));
  const pairs = fc.array(
    fc.constantFrom(...names).chain((n) =>
      valueFor(query[n], pools, n).map((v) => {
        const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
        return `${encodeURIComponent(n)}=${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))}`;
      }),
    ),
    { maxLength: 4 },
  );
  return fc.oneof(
    { arbitrary: pairs.map((p) => (p.length ? `?${p.join('&')}` : '')), weight: 4 },
    {
      arbitrary: fc
        .constantFrom(...names)
        .chain((n) =>
          fc.constantFrom(`?${n}=%ZZ`, `?${n}=%00`, `?${n}=%ED%A0%80`, `?${n}=a&${n}=b`, `?${n}[]=1`),
        ),
      weight: 1,
    },
  );
}
