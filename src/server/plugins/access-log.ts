import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ControlledTransaction, Transaction } from 'kysely';
import { inOrg, type DB, type Db } from '../db/database.js';
import type { Actor } from '../lib/actor.js';
import type { Deps } from '../lib/deps.js';
import { AppError } from '../lib/errors.js';
import {
  accessRecorded,
  beginAccessBatch,
  flushAccessBatch,
  recordAccess,
} from '../modules/audit/access-log.service.js';
import { takeRequestTx } from './session.js';

/**
 * What a route under /api reveals, declared on the route itself (`config.access`), so that the access log
 * does not depend on each service remembering to write it:
 * - `'none'`: nothing from a case (settings, own profile, lists of names, the logs themselves);
 * - `{ entity, param, purpose }`: one record, whose id is the path parameter `param` — a
 *   read is logged, and so is a refused attempt (404/403), after the refusal has rolled back;
 * - `{ entity, purpose }` without `param`: case content from several cases (a worklist, a look-up); logged
 *   with entity id `*`;
 * - `only: 'denied'`: a change to a case, already in the audit chain; only refused attempts are logged here.
 */
export type RouteAccess = 'none' | { entity: string; param?: string; purpose: string; only?: 'denied' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Set once the request's access row (or refusal) is written. */
    accessLogged: boolean;
  }
  interface FastifyInstance {
    /** Every /api route's declaration, by `METHOD /path`: what the route-list test checks. */
    accessDeclarations: Map<string, RouteAccess>;
  }
}

/** Refusals that answer "you may not see this record": logged as denied reads. */
const REFUSALS = new Set(['not_found', 'forbidden', 'reason_required']);

function declarationOf(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config.access;
}

/** The logged record id: the declared path parameter, or `*` for a route that shows several records. */
function entityIdOf(request: FastifyRequest, decl: Exclude<RouteAccess, 'none'>): string | undefined {
  if (decl.param === undefined) return '*';
  const value = (request.params as Record<string, unknown> | undefined)?.[decl.param];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Refuses to start when a route under /api declares no `config.access`: a new route that shows case data
 * cannot be added without deciding, visibly, whether its reads are logged.
 */
export function registerAccessLog(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('accessLogged', false);
  const declarations = new Map<string, RouteAccess>();
  app.decorate('accessDeclarations', declarations);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const decl = route.config?.access;
    for (const method of [route.method].flat()) {
      if (decl !== undefined) declarations.set(`${method} ${route.url}`, decl);
    }
    if (decl === undefined) {
      throw new Error(
        `${String(route.method)} ${route.url} declares no config.access (see plugins/access-log.ts)`,
      );
    }
  });
  // The safety net: a declared read that answered 2xx without passing through `inActorTx` is still logged.
  app.addHook('onResponse', async (request, reply) => {
    const decl = declarationOf(request);
    if (!decl || decl === 'none' || request.accessLogged || request.session?.stage !== 'full') return;
    const actor = request.session.actor;
    const refused = reply.statusCode === 404 || reply.statusCode === 403;
    if (!refused && (reply.statusCode >= 300 || decl.only === 'denied')) return;
    const entityId = entityIdOf(request, decl);
    if (entityId === undefined) return;
    try {
      await inOrg(
        deps.db,
        actor.orgId,
        (trx) =>
          recordAccess(
            { db: trx, actor, clock: deps.clock, keyring: deps.keyring },
            { entity: decl.entity, entityId, purpose: decl.purpose, outcome: refused ? 'denied' : 'read' },
          ),
        actor.role,
      );
    } catch (err) {
      deps.log.error(
        { err: (err as Error).message, route: request.routeOptions.url },
        'access log write failed',
      );
    }
  });
}

/** Runs `fn` in the request's own transaction (already scoped to the actor), then commits or rolls it back. */
async function inRequestTx<T>(
  trx: ControlledTransaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  let value: T;
  try {
    value = await fn(trx);
  } catch (err) {
    await trx.rollback().execute();
    throw err;
  }
  await trx.commit().execute();
  return value;
}

/**
 * Runs a route's service call in the request transaction and writes the access rows of the request at its
 * end, in that transaction: the service's own rows, or else the route's declared one. A refused read rolls
 * the work back and is then logged as denied in a transaction of its own.
 */
export async function withAccessLog<T>(
  deps: Deps,
  request: FastifyRequest,
  actor: Actor,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  const decl = declarationOf(request);
  const ctxOf = (trx: Db) => ({ db: trx, actor, clock: deps.clock, keyring: deps.keyring });
  const work = async (trx: Transaction<DB>) => {
    beginAccessBatch(trx);
    const value = await fn(trx);
    if (decl && decl !== 'none' && decl.only !== 'denied' && accessRecorded(trx) === 0) {
      const entityId = entityIdOf(request, decl);
      if (entityId !== undefined) {
        await recordAccess(ctxOf(trx), { entity: decl.entity, entityId, purpose: decl.purpose });
      }
    }
    await flushAccessBatch(ctxOf(trx));
    return value;
  };
  try {
    // A read that opted in (`config.requestTx`) runs in the transaction its session was resolved in.
    const own = takeRequestTx(request);
    const result = own ? await inRequestTx(own, work) : await inOrg(deps.db, actor.orgId, work, actor.role);
    request.accessLogged = true;
    return result;
  } catch (err) {
    if (decl && decl !== 'none' && err instanceof AppError && REFUSALS.has(err.code)) {
      const entityId = entityIdOf(request, decl);
      if (entityId !== undefined) {
        await inOrg(
          deps.db,
          actor.orgId,
          (trx) =>
            recordAccess(ctxOf(trx), {
              entity: decl.entity,
              entityId,
              purpose: decl.purpose,
              outcome: 'denied',
            }),
          actor.role,
        );
        request.accessLogged = true;
      }
    }
    throw err;
  }
}
