import type { FastifyInstance } from 'fastify';

/** A JSON schema as the OpenAPI document carries it (enough of it to generate input). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  additionalProperties?: unknown;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the API, keyed `METHOD /api/path/{param}` as in the OpenAPI document. */
export interface ApiRoute {
  key: string;
  method: Method;
  path: string;
  params: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | undefined;
}

/** Routes served but hidden from the OpenAPI document, named here so that the count below still adds up. */
/** Path parameters that are values rather than record ids (e.g. a language code). */
const LITERAL_PARAMS: Record<string, string> = { language: 'ar' };

export const HIDDEN_ROUTES = ['GET /api/openapi.json', 'POST /api/csp-report'];

interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Every operation of the built app, from its OpenAPI document — cross-checked against Fastify's own route
 * table, so that a route hidden from the document cannot slip past the tests that walk this list.
 */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routes: ApiRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Method;
      const query: Record<string, JsonSchema> = {};
      for (const p of op.parameters ?? []) if (p.in === 'query') query[p.name] = p.schema;
      // A parameter that names a value, not a record, is filled in here once (it has no owner).
      const filled = path.replace(/\{(\w+)\}/g, (m, name: string) => LITERAL_PARAMS[name] ?? m);
      routes.push({
        key: `${method} ${path}`,
        method,
        path: filled,
        params: [...filled.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query,
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  for (const key of HIDDEN_ROUTES) {
    const [method, path] = key.split(' ') as [Method, string];
    routes.push({ key, method, path, params: [], query: {}, body: undefined });
  }
  // Fastify's own table of /api routes (HEAD is generated for every GET) must hold exactly as many operations.
  // Only /api: the public site's pages (/nl/…, /robots.txt) are HTML for visitors, not API operations.
  const served = [...app.accessDeclarations.keys()].filter((key) => !key.startsWith('HEAD ')).length;
  if (served !== routes.length)
    throw new Error(`Fastify serves ${served} operations but the OpenAPI document lists ${routes.length}`);
  return routes;
}

/** Fills `{param}` placeholders; values are inserted as given (already encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return v;
  });
}
