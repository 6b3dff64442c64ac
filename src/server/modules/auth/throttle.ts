import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';

export interface ThrottleRule {
  /** Failures allowed in the window before blocking starts. */
  limit: number;
  windowMs: number;
  /** First block; doubles with each further failure, up to maxBlockMs. */
  baseBlockMs: number;
  maxBlockMs: number;
}

/**
 * Sign-in failures are counted per address *and* IP pair (the tight limit: whoever guesses from one place is
 * stopped there), per known device, per address over all IPs (a looser limit against guessing from many
 * places, which blocks unknown devices only), per IP, and per second factor. Keys hold whether or not the
 * address exists.
 */
export const RULES = {
  account: { limit: 5, windowMs: 15 * 60_000, baseBlockMs: 30_000, maxBlockMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000, baseBlockMs: 60_000, maxBlockMs: 15 * 60_000 },
  ip: { limit: 30, windowMs: 15 * 60_000, baseBlockMs: 60_000, maxBlockMs: 15 * 60_000 },
  mfa: { limit: 5, windowMs: 15 * 60_000, baseBlockMs: 30_000, maxBlockMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

/** Throws too_many_attempts while the key is blocked. */
export async function assertNotBlocked(db: Db, keyHash: Buffer, now: Date): Promise<void> {
  const row = await db
    .selectFrom('auth_throttle')
    .select(['blocked_until'])
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  if (row?.blocked_until && row.blocked_until > now) {
    const seconds = Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000);
    throw new AppError('too_many_attempts', undefined, { retryAfterSeconds: seconds });
  }
}

/** Counts one failure, atomically, and blocks the key once it passes the rule's limit. */
export async function recordFailure(db: Db, keyHash: Buffer, rule: ThrottleRule, now: Date): Promise<number> {
  const row = await db
    .insertInto('auth_throttle')
    .values({ key_hash: keyHash, window_started_at: now, failures: 1, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('auth_throttle.window_started_at', '<', new Date(now.getTime() - rule.windowMs))
          .then(1)
          .else(eb('auth_throttle.failures', '+', 1))
          .end(),
        window_started_at: eb
          .case()
          .when('auth_throttle.window_started_at', '<', new Date(now.getTime() - rule.windowMs))
          .then(now)
          .else(eb.ref('auth_throttle.window_started_at'))
          .end(),
      })),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  if (row.failures >= rule.limit) {
    const over = row.failures - rule.limit;
    const ms = Math.min(rule.maxBlockMs, rule.baseBlockMs * 2 ** Math.min(over, 20));
    await db
      .updateTable('auth_throttle')
      .set({ blocked_until: new Date(now.getTime() + ms) })
      .where('key_hash', '=', keyHash)
      .execute();
  }
  return row.failures;
}

export async function clearFailures(db: Db, keyHash: Buffer): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key_hash', '=', keyHash).execute();
}

/**
 * Counts an attempt *before* it is checked, atomically: concurrent guesses each get their own number, so no
 * burst of parallel requests gets past the limit. A success clears the count.
 */
export async function countAttempt(db: Db, keyHash: Buffer, rule: ThrottleRule, now: Date): Promise<void> {
  await assertNotBlocked(db, keyHash, now);
  const n = await recordFailure(db, keyHash, rule, now);
  if (n > rule.limit) {
    const row = await db
      .selectFrom('auth_throttle')
      .select('blocked_until')
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    const until = row?.blocked_until ?? new Date(now.getTime() + rule.baseBlockMs);
    throw new AppError('too_many_attempts', undefined, {
      retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
    });
  }
}
