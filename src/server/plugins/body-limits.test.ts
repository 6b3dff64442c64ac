import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { Text } from '../../shared/text.schema.js';
import {
  bodyLimitFor,
  countStructure,
  MIN_BODY_LIMIT,
  mostValues,
  registerBodyLimits,
  structureLimitFor,
  type SizedSchema,
} from './body-limits.js';
import { registerProblemHandler } from './problem.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as SizedSchema;

describe('the largest body a schema accepts', () => {
  const Note = z.object({ note: Text.max(4000), tags: z.array(Text.max(20)).max(5), done: z.boolean() });

  test('is never smaller than a real maximal body, written with 3-byte characters', () => {
    const biggest = JSON.stringify({
      note: '€'.repeat(4000),
      tags: Array(5).fill('€'.repeat(20)),
      done: false,
    });
    expect(bodyLimitFor(Note)).toBeGreaterThanOrEqual(Buffer.byteLength(biggest));
    // …and not wildly larger: headroom of a quarter, rounded up to a kilobyte.
    expect(bodyLimitFor(Note)).toBeLessThan(Buffer.byteLength(biggest) * 1.3 + 1024);
  });

  test('is at least the floor for tiny schemas', () => {
    expect(bodyLimitFor(z.object({ done: z.boolean() }))).toBe(MIN_BODY_LIMIT);
    expect(bodyLimitFor(undefined)).toBe(MIN_BODY_LIMIT);
  });

  test('takes the larger of alternatives, and a fixed length for ids and dates', () => {
    const Either = z.union([z.object({ a: Text.max(10) }), z.object({ b: Text.max(100_000) })]);
    expect(bodyLimitFor(Either)).toBeGreaterThan(300_000);
    expect(bodyLimitFor(z.object({ id: z.uuid(), on: z.iso.date() }))).toBe(MIN_BODY_LIMIT);
  });

  test('counts a record keyed by a closed list once per key', () => {
    const Labels = z.record(z.enum(['nl', 'en', 'ar', 'tr']), Text.max(10_000));
    expect(bodyLimitFor(Labels)).toBeGreaterThan(4 * 30_000);
  });

  test('is unbounded for a string without a maximum, an array without maxItems, or free-form JSON', () => {
    expect(bodyLimitFor(z.object({ note: Text }))).toBe(Infinity);
    expect(bodyLimitFor(z.object({ ids: z.array(z.uuid()) }))).toBe(Infinity);
    expect(bodyLimitFor(z.object({ data: z.record(Text.max(10), z.unknown()) }))).toBe(Infinity);
    expect(bodyLimitFor(z.object({ code: Text.regex(/^\d{6}$/) }))).toBe(Infinity);
  });
});

describe('values in a body', () => {
  test('a schema bounds its values: one per scalar, one per container and what each array may hold', () => {
    expect(mostValues(json(z.object({ a: Text.max(5), b: z.array(z.number()).max(10) })))).toBe(1 + 1 + 11);
    expect(mostValues(json(z.object({ ids: z.array(z.uuid()) })))).toBe(Infinity);
    expect(structureLimitFor(z.object({ ids: z.array(z.uuid()).max(1000) }))).toBe(2 * 1002);
  });

  test('commas and brackets are counted outside strings only, escapes included', () => {
    expect(countStructure('{"a":[1,2,3],"b":{}}', 100)).toBe(6);
    expect(countStructure('{"a":"x,[{y","b":"q\\",[,"}', 100)).toBe(2);
    expect(countStructure('{"a":"ends with a backslash\\\\","b":[1]}', 100)).toBe(3);
    expect(countStructure('["unterminated, [', 100)).toBe(1);
    // Stops counting once past the bound.
    expect(countStructure(`[${'0,'.repeat(10_000)}0]`, 50)).toBe(51);
  });
});

describe('registerBodyLimits', () => {
  async function appWith(body: z.ZodType, budget?: number) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerBodyLimits(app, budget);
    registerProblemHandler(app, { spaFallback: false });
    app.post('/api/things', { schema: { body } }, async (request) => ({ got: request.body }));
    await app.ready();
    return app;
  }

  test('a route with an unbounded body schema stops the server from starting', async () => {
    await expect(appWith(z.object({ note: Text }))).rejects.toThrow(/POST \/api\/things: its body schema/);
  });

  test('refuses a body over the route limit or with more values than the schema holds (413, problem+json)', async () => {
    const app = await appWith(z.object({ note: Text.max(100), ids: z.array(z.uuid()).max(3) }));
    const ok = await app.inject({ method: 'POST', url: '/api/things', payload: { note: 'hallo', ids: [] } });
    expect(ok.statusCode).toBe(200);

    const long = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ note: 'x'.repeat(MIN_BODY_LIMIT) }),
    });
    expect(long.statusCode).toBe(413);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(long.json()).toMatchObject({ code: 'payload_too_large' });

    // 3 KB, far under the byte limit, but 1,000 objects: refused before any of them is built.
    const many = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'application/json' },
      payload: `{"x":[${Array(1000).fill('{}').join(',')}]}`,
    });
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ code: 'payload_too_large' });

    // Prototype poisoning is still refused by the JSON parser underneath.
    const poisoned = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"note":"a","ids":[],"__proto__":{"admin":true}}',
    });
    expect(poisoned.statusCode).toBe(400);
    await app.close();
  });

  test('bodies read at once share the budget: past it a request is asked to retry (503, Retry-After)', async () => {
    const app = await appWith(z.object({ note: Text.max(20_000) }), 90_000);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const net = await import('node:net');
    // A slow client holds a 70 KB reservation by sending its headers and only part of its body.
    const slow = net.connect(port, '127.0.0.1');
    await new Promise((r) => slow.once('connect', r));
    slow.write(
      'POST /api/things HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 70000\r\n\r\n{"note":"',
    );
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post({ note: 'x'.repeat(20_000) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // A small body still fits beside the slow one.
    const small = await post({ note: 'kort' });
    expect(small.status).toBe(200);
    // When the slow client gives up, its reservation is returned.
    slow.destroy();
    await new Promise((r) => setTimeout(r, 200));
    const after = await post({ note: 'x'.repeat(20_000) });
    expect(after.status).toBe(200);
    await app.close();
  });
});
