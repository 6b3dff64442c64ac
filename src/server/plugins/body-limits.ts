import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

/**
 * Every route reads at most the largest body its own schema can accept, not one size for all: a sign-in is
 * about a kilobyte, a handbook article about a hundred. The limit is derived from the body schema when the
 * route is registered (a route may still set `bodyLimit` itself, as the consent upload does), so it cannot
 * drift from the schema, and a body schema without an upper bound stops the server from starting.
 *
 * Why it matters: the body is read and parsed before the handler runs, on public routes before anyone is
 * signed in. With one 1 MB limit everywhere, a few dozen concurrent requests could hold hundreds of MB.
 * Bytes alone do not bound memory: `[{},{},…]` builds a 50-byte object for every 3 bytes. So the JSON parser
 * also refuses, before building anything, a body with more values than the schema can hold; and the bodies
 * read at once share one budget, past which a request is asked to retry (503).
 */

/** Below this, a limit buys nothing: headers and a tiny body cost about as much. */
export const MIN_BODY_LIMIT = 16 * 1024;

/**
 * A schema's string length counts UTF-16 code units; in UTF-8 one unit is at most 3 bytes (a character
 * outside the BMP is 4 bytes for 2 units), and JSON escapes quotes, backslashes and newlines in 2.
 */
const BYTES_PER_UNIT = 3;

/** Room for what a client may add that no schema counts: whitespace, key order, a pretty-printing client. */
const HEADROOM = 1.25;

/** The parts of a JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) that bound a value's size. */
export interface SizedSchema {
  type?: string | string[];
  properties?: Record<string, SizedSchema>;
  additionalProperties?: SizedSchema | boolean;
  propertyNames?: SizedSchema;
  items?: SizedSchema | boolean;
  prefixItems?: SizedSchema[];
  anyOf?: SizedSchema[];
  oneOf?: SizedSchema[];
  allOf?: SizedSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  maxLength?: number;
  maxItems?: number;
}

/** String formats whose values have a fixed upper length, whatever their schema says about maxLength. */
const FORMAT_LENGTH: Record<string, number> = {
  uuid: 36,
  date: 10,
  time: 18,
  'date-time': 35,
};

const NUMBER_BYTES = 24; // -1.2345678901234567e+308

/**
 * The size in bytes of the largest JSON value the schema accepts from a well-behaved client, or Infinity
 * when nothing bounds it (a string without a maximum, an array without maxItems, a free-form record).
 */
export function largestValue(schema: SizedSchema | boolean | undefined): number {
  if (schema === undefined || typeof schema === 'boolean') return Infinity;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return Math.max(...alternatives.map(largestValue));
  // Both at once: never larger than the parts together (an intersection of objects has both sets of keys).
  if (schema.allOf) return schema.allOf.reduce((n, s) => n + largestValue(s), 0);
  if (schema.enum) return Math.max(...schema.enum.map((v) => JSON.stringify(v).length));
  if ('const' in schema) return JSON.stringify(schema.const).length;
  const types = [schema.type ?? (schema.properties ? 'object' : 'unknown')].flat();
  return Math.max(...types.map((type) => largestOfType(schema, type)));
}

function largestOfType(schema: SizedSchema, type: string): number {
  switch (type) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'number':
    case 'integer':
      return NUMBER_BYTES;
    case 'string': {
      const units = schema.maxLength ?? FORMAT_LENGTH[schema.format ?? ''];
      return units === undefined ? Infinity : 2 + units * BYTES_PER_UNIT;
    }
    case 'array': {
      if (schema.prefixItems) return 2 + schema.prefixItems.reduce((n, s) => n + largestValue(s) + 1, 0);
      if (schema.maxItems === undefined) return Infinity;
      return 2 + schema.maxItems * (largestValue(schema.items) + 1);
    }
    case 'object':
      return largestObject(schema);
    default:
      return Infinity;
  }
}

function largestObject(schema: SizedSchema): number {
  let bytes = 2;
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    bytes += JSON.stringify(key).length + 2 + largestValue(value);
  }
  // A record keyed by a closed set of names (z.record(z.enum(…), …)) holds at most one entry per name.
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false && !(schema.properties && extra === true)) {
    const names = schema.propertyNames?.enum;
    if (!names) return Infinity;
    const key = Math.max(...names.map((n) => JSON.stringify(n).length));
    bytes += names.length * (key + 2 + largestValue(extra));
  }
  return bytes;
}

/**
 * The most JSON values (objects, arrays and what they hold, keys not counted) a value of the schema has, or
 * Infinity when nothing bounds it.
 */
export function mostValues(schema: SizedSchema | boolean | undefined): number {
  if (schema === undefined || typeof schema === 'boolean') return Infinity;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return Math.max(...alternatives.map(mostValues));
  if (schema.allOf) return schema.allOf.reduce((n, s) => n + mostValues(s), 0);
  if (schema.prefixItems) return 1 + schema.prefixItems.reduce((n, s) => n + mostValues(s), 0);
  const types = [schema.type ?? (schema.properties ? 'object' : 'unknown')].flat();
  if (types.includes('array')) {
    return schema.maxItems === undefined ? Infinity : 1 + schema.maxItems * mostValues(schema.items);
  }
  if (types.includes('object')) {
    let n = 1;
    for (const value of Object.values(schema.properties ?? {})) n += mostValues(value);
    const extra = schema.additionalProperties;
    if (extra !== undefined && extra !== false && !(schema.properties && extra === true)) {
      const names = schema.propertyNames?.enum;
      n += names ? names.length * mostValues(extra) : Infinity;
    }
    return n;
  }
  return 1;
}

/**
 * Counts the commas and opening brackets outside strings, up to `stopAt`: every value but the first in an
 * object or array follows a comma, so a body of n values has fewer than 2n of them. Linear, and allocates
 * nothing (strings are skipped with indexOf).
 */
export function countStructure(text: string, stopAt: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip to the closing quote: one preceded by an even number of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end === -1) return count;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x2c || c === 0x7b || c === 0x5b) {
      if (++count > stopAt) return count;
    }
  }
  return count;
}

/** Fewer values than this are never refused: a client may send a few fields the schema does not know. */
const MIN_STRUCTURE = 256;

/** What the JSON parser allows for a body of the schema: commas and brackets (see countStructure). */
export function structureLimitFor(body: z.ZodType | undefined): number {
  if (!body) return MIN_STRUCTURE;
  const json = z.toJSONSchema(body, { io: 'input', unrepresentable: 'any' }) as SizedSchema;
  return Math.max(MIN_STRUCTURE, 2 * mostValues(json));
}

/**
 * Bytes of request bodies read and held at once, across all requests of this process; past it a request
 * gets 503 with Retry-After before its body is read. A body costs up to about three times its size while
 * it is parsed and checked, so this keeps them under about 100 MB of heap. Four scanned consent forms fit;
 * everyday bodies are a few kilobytes.
 */
export const BODY_BUDGET = 32 * 1024 * 1024;

/** The body limit of a route whose body the schema describes (undefined: a route that takes no body). */
export function bodyLimitFor(body: z.ZodType | undefined): number {
  if (!body) return MIN_BODY_LIMIT;
  const json = z.toJSONSchema(body, { io: 'input', unrepresentable: 'any' }) as SizedSchema;
  const largest = largestValue(json);
  if (!Number.isFinite(largest)) return Infinity;
  return Math.max(MIN_BODY_LIMIT, Math.ceil((largest * HEADROOM) / 1024) * 1024);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Bytes of BODY_BUDGET this request holds until it is answered. */
    bodyReserved: number;
  }
}

const routeKey = (method: string, url: string) => `${method} ${url}`;

/**
 * Sets each route's `bodyLimit` and value bound from its body schema, parses JSON within that bound, and
 * keeps the bodies read at once within BODY_BUDGET. Call before any route is registered.
 */
export function registerBodyLimits(app: FastifyInstance, budget = BODY_BUDGET): void {
  const structure = new Map<string, number>();
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body as z.ZodType | undefined;
    const limit = route.bodyLimit ?? bodyLimitFor(body);
    // A route that sets its own limit for free-form JSON (an intake draft) allows a value per 16 bytes.
    let most = structureLimitFor(body);
    if (route.bodyLimit !== undefined && !Number.isFinite(most)) most = Math.ceil(route.bodyLimit / 16);
    if (!Number.isFinite(limit) || !Number.isFinite(most)) {
      throw new Error(
        `${String(route.method)} ${route.url}: its body schema has no upper bound; give every string a ` +
          'maximum length and every array a maximum number of items (see plugins/body-limits.ts)',
      );
    }
    route.bodyLimit = limit;
    for (const method of [route.method].flat()) structure.set(routeKey(method, route.url), most);
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const most = structure.get(routeKey(request.method, request.routeOptions.url ?? '')) ?? MIN_STRUCTURE;
    if (countStructure(body as string, most) > most) {
      done(new AppError('payload_too_large', 'The request holds more values than this form can have'));
      return;
    }
    void parseJson(request, body as string, done);
  });

  let reading = 0;
  app.decorateRequest('bodyReserved', 0);
  const release = async (request: FastifyRequest) => {
    reading -= request.bodyReserved;
    request.bodyReserved = 0;
  };
  // After authentication (an onRequest hook for every request that may carry a body): a request refused for
  // want of a session never reserves anything.
  app.addHook('preParsing', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const declared = Number(request.headers['content-length'] ?? 0);
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if (!(declared > 0) && !chunked) return;
    const limit = request.routeOptions.bodyLimit ?? MIN_BODY_LIMIT;
    const size = chunked || !Number.isFinite(declared) ? limit : Math.min(declared, limit);
    // One request is always let through, however large: it is then refused by its own limit.
    if (reading > 0 && reading + size > budget) {
      throw new AppError('unavailable', 'The server is busy reading other requests; try again', {
        retryAfterSeconds: 1,
      });
    }
    reading += size;
    request.bodyReserved = size;
  });
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
