import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { countHit } from './ratelimit.repository.js';

/**
 * A @fastify/rate-limit store in PostgreSQL, so that every app instance counts against one limit. Fixed
 * windows aligned to the clock: a client sees at most `max` requests per window whichever instance it hits.
 * One autocommit upsert per API request, outside the request's own transaction.
 */
export function postgresRateLimitStore(db: Kysely<DB>, keyring: Keyring): FastifyRateLimitStoreCtor {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    /** A route with its own limit counts apart from the API-wide one, as the in-memory store does. */
    private readonly scope: string;
    // The plugin constructs the API-wide store with its options; child() passes the route's scope.
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : '';
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      // Wall-clock time, like the in-memory store: this limit is about real request rates.
      const now = Date.now();
      const windowStart = Math.floor(now / timeWindow) * timeWindow;
      const keyHash = keyring.systemHmac('api-rate-limit', `${this.scope}|${key}`);
      countHit(db, keyHash, new Date(windowStart)).then(
        (current) => callback(null, { current, ttl: windowStart + timeWindow - now }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }
    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new PostgresRateLimitStore(`${String(routeOptions.method)} ${routeOptions.url}`);
    }
  };
}
