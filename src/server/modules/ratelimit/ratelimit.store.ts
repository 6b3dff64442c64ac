import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';
import { countHit } from './ratelimit.repository.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Hits of one key in one window that arrived while the previous upsert for that key was in flight. */
interface Batch {
  keyHash: Buffer;
  windowStart: number;
  timeWindow: number;
  waiting: { callback: Callback; at: number }[];
  inFlight: boolean;
}

/**
 * A @fastify/rate-limit store in PostgreSQL, so that every app instance counts against one limit. Fixed
 * windows aligned to the clock: a client sees at most `max` requests per window whichever instance it hits.
 *
 * One autocommit upsert on the key's row, outside the request's own transaction — but at most one in flight
 * per key and instance: hits of the same key that arrive meanwhile are added by the next upsert in one go
 * (`hits + n`), and each gets its own place in the shared count (total − n + 1 … total). The count stays
 * exact and shared (no hit is held back in memory; every answer comes from the database's total), while 50
 * concurrent requests from one address — an office behind one NAT, or a load test — no longer queue up to a
 * pool's worth of connections on the row lock of one hot row, each waiting for the previous one's commit.
 */
export function postgresRateLimitStore(db: Kysely<DB>, keyring: Keyring): FastifyRateLimitStoreCtor {
  const batches = new Map<string, Batch>();

  function flush(id: string, batch: Batch): void {
    const taken = batch.waiting;
    batch.waiting = [];
    batch.inFlight = true;
    const settle = (error: Error | null, total?: number) => {
      taken.forEach(({ callback, at }, k) =>
        error || total === undefined
          ? callback(error ?? new Error('no count'))
          : callback(null, {
              current: total - taken.length + k + 1,
              ttl: batch.windowStart + batch.timeWindow - at,
            }),
      );
      batch.inFlight = false;
      if (batch.waiting.length) flush(id, batch);
      else batches.delete(id);
    };
    countHit(db, batch.keyHash, new Date(batch.windowStart), taken.length).then(
      (total) => settle(null, total),
      (err: unknown) => settle(err instanceof Error ? err : new Error(String(err))),
    );
  }

  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    /** A route with its own limit counts apart from the API-wide one, as the in-memory store does. */
    private readonly scope: string;
    // The plugin constructs the API-wide store with its options; child() passes the route's scope.
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : '';
    }
    incr(key: string, callback: Callback, timeWindow: number): void {
      // Wall-clock time, like the in-memory store: this limit is about real request rates.
      const now = Date.now();
      const windowStart = Math.floor(now / timeWindow) * timeWindow;
      const scoped = `${this.scope}|${key}`;
      const id = `${windowStart}|${timeWindow}|${scoped}`;
      let batch = batches.get(id);
      if (!batch) {
        batch = {
          keyHash: keyring.systemHmac('api-rate-limit', scoped),
          windowStart,
          timeWindow,
          waiting: [],
          inFlight: false,
        };
        batches.set(id, batch);
      }
      batch.waiting.push({ callback, at: now });
      if (!batch.inFlight) flush(id, batch);
    }
    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new PostgresRateLimitStore(`${String(routeOptions.method)} ${routeOptions.url}`);
    }
  };
}
