import type { FastifyRequest } from 'fastify';
import { withAccessLog } from '../plugins/access-log.js';
import { actorOf } from '../plugins/session.js';
import type { Actor } from './actor.js';
import type { Ctx } from './context.js';
import type { Deps } from './deps.js';

/**
 * Runs a service call for the signed-in actor in one transaction scoped to their organisation; the route's
 * access declaration is honoured there (see plugins/access-log.ts).
 */
export function inActorTx<T>(
  deps: Deps,
  request: FastifyRequest,
  fn: (ctx: Ctx<Actor>) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return withAccessLog(deps, request, actor, (trx) =>
    fn({ db: trx, actor, clock: deps.clock, keyring: deps.keyring }),
  );
}

/**
 * The origin users reach us on, for links in invites: PUBLIC_URL (required in production). Without it (a
 * laptop), the Host header the browser sent: never X-Forwarded-Host, which anyone can write.
 */
export function baseUrl(deps: Deps, request: FastifyRequest): string {
  if (deps.config.publicUrl) return deps.config.publicUrl;
  const host = request.headers.host ?? `localhost:${deps.config.port}`;
  return `${request.protocol}://${host}`.replace(/\/+$/, '');
}
