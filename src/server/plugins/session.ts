import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ControlledTransaction } from 'kysely';
import type { DB } from '../db/database.js';
import type { SessionStage } from '../../shared/auth.schema.js';
import type { Actor } from '../lib/actor.js';
import type { Deps } from '../lib/deps.js';
import { AppError } from '../lib/errors.js';
import { csrfTokenFor, resolveSession, type ResolvedSession } from '../modules/auth/sessions.service.js';
import { timingSafeEqual } from 'node:crypto';
import { isApiRequest } from '../lib/route-path.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which stage a route needs: none (public), a half-finished sign-in, or a full session. */
export type AuthLevel = 'public' | 'mfa' | 'enrol' | 'full';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
    /** `false` only for endpoints that change nothing but a log and are posted by the browser itself. */
    csrf?: false;
    /**
     * A read (GET) whose handler does all its database work through `inActorTx`: the session is then resolved
     * in the transaction that work runs in (see `takeRequestTx`). Nothing else in such a handler may use the
     * database while it runs: the transaction holds a connection (PGlite has only one).
     */
    requestTx?: true;
  }
  interface FastifyRequest {
    session: (ResolvedSession & { token: string }) | undefined;
    /** The open transaction the session was resolved in, scoped to its organisation, until a handler takes it. */
    requestTx: ControlledTransaction<DB> | undefined;
  }
}

/** `__Host-` cookies must be Secure; over plain HTTP on a laptop we use a plain name. */
export function cookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? '__Host-confidant' : 'confidant';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName(request), token, {
    httpOnly: true,
    secure: request.protocol === 'https',
    sameSite: 'strict',
    path: '/',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(request), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Reads the session cookie into `request.session`, enforces each route's `config.auth` stage, and checks
 * CSRF on every state-changing request: the header must match the session's token, and without a session
 * it must still be present (a custom header cannot be sent cross-site without a CORS preflight we refuse).
 */
export async function registerSession(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('session', undefined);
  app.decorateRequest('requestTx', undefined);

  const authenticate = async (request: FastifyRequest, own: boolean) => {
    const token = request.cookies[cookieName(request)];
    if (token) {
      const resolved = own
        ? await resolveInRequestTx(deps, request, token)
        : await resolveSession(deps, deps.db, token);
      if (resolved) request.session = { ...resolved, token };
    }
    try {
      if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
        const header = request.headers[CSRF_HEADER];
        if (typeof header !== 'string' || header.length === 0) throw new AppError('csrf_failed');
        if (request.session && !equal(header, csrfTokenFor(deps, request.session.token))) {
          throw new AppError('csrf_failed');
        }
      }
      // Unknown routes fall through to the 404 handler.
      if (!request.routeOptions.url) return;
      const level = request.routeOptions.config.auth ?? 'full';
      if (level === 'public') return;
      if (!request.session) throw new AppError('unauthenticated');
      if (request.session.stage !== level) {
        throw new AppError(level === 'full' ? 'mfa_required' : 'forbidden');
      }
    } finally {
      // Only a fully signed-in request keeps its transaction for the handler.
      if (request.session?.stage !== 'full' || request.routeOptions.config.auth === 'public')
        await releaseRequestTx(request);
    }
  };
  app.addHook('onRequest', async (request) => {
    if (isApiRequest(request) && !wantsRequestTx(request)) await authenticate(request, false);
  });
  // A read that opted in opens its transaction only after every onRequest hook, the route-level ones
  // included (the shared rate limit counts in the database on a connection of its own): a request never
  // holds one connection while it waits for another, so a full pool cannot deadlock. Still before the body
  // is parsed and validated, so an unauthenticated request is refused first.
  app.addHook('preParsing', async (request) => {
    if (isApiRequest(request) && wantsRequestTx(request)) await authenticate(request, true);
  });
  // A request that ends without its handler taking the transaction (a 400, an abort) gives it back before
  // anything else (the access-log safety net in onResponse) needs a connection.
  app.addHook('onSend', async (request) => releaseRequestTx(request));
  app.addHook('onResponse', async (request) => releaseRequestTx(request));
  app.addHook('onRequestAbort', async (request) => releaseRequestTx(request));
}

function wantsRequestTx(request: FastifyRequest): boolean {
  return request.method === 'GET' && request.routeOptions.config.requestTx === true;
}

/**
 * Opens the request's transaction and resolves the session in it, with the organisation and role set for
 * row-level security by the same statement. Kept only for a live session; otherwise committed at once (an
 * idle session was just revoked in it).
 */
async function resolveInRequestTx(
  deps: Deps,
  request: FastifyRequest,
  token: string,
): Promise<ResolvedSession | undefined> {
  const trx = await deps.db.startTransaction().execute();
  let resolved: ResolvedSession | undefined;
  try {
    resolved = await resolveSession(deps, trx, token, true);
  } catch (err) {
    await trx.rollback().execute();
    throw err;
  }
  if (resolved) request.requestTx = trx;
  else await trx.commit().execute();
  return resolved;
}

/**
 * Hands the request's open transaction (scoped to the actor's organisation and role) to the one service call
 * that runs in it; the caller commits or rolls it back. Undefined when there is none (a write, a route that
 * did not opt in, a second call).
 */
export function takeRequestTx(request: FastifyRequest): ControlledTransaction<DB> | undefined {
  const trx = request.requestTx;
  request.requestTx = undefined;
  return trx;
}

async function releaseRequestTx(request: FastifyRequest): Promise<void> {
  const trx = takeRequestTx(request);
  if (trx) await trx.commit().execute();
}

/** The signed-in actor of a route whose auth level guarantees one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session.actor;
}

export function stageOf(request: FastifyRequest): SessionStage | undefined {
  return request.session?.stage;
}
