import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import * as repo from './auth.repository.js';

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
  const blockedUntil = await repo.throttleBlockedUntil(db, keyHash);
  if (blockedUntil && blockedUntil > now) {
    const seconds = Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('too_many_attempts', undefined, { retryAfterSeconds: seconds });
  }
}

/** Counts one failure, atomically, and blocks the key once it passes the rule's limit. */
export async function recordFailure(db: Db, keyHash: Buffer, rule: ThrottleRule, now: Date): Promise<number> {
  const failures = await repo.countThrottleFailure(db, keyHash, now, new Date(now.getTime() - rule.windowMs));
  if (failures >= rule.limit) {
    const over = failures - rule.limit;
    const ms = Math.min(rule.maxBlockMs, rule.baseBlockMs * 2 ** Math.min(over, 20));
    await repo.blockThrottleKey(db, keyHash, new Date(now.getTime() + ms));
  }
  return failures;
}

export async function clearFailures(db: Db, keyHash: Buffer): Promise<void> {
  await repo.clearThrottleKey(db, keyHash);
}

/**
 * Counts an attempt *before* it is checked, atomically: concurrent guesses each get their own number, so no
 * burst of parallel requests gets past the limit. A success clears the count.
 */
export async function countAttempt(db: Db, keyHash: Buffer, rule: ThrottleRule, now: Date): Promise<void> {
  await assertNotBlocked(db, keyHash, now);
  const n = await recordFailure(db, keyHash, rule, now);
  if (n > rule.limit) {
    const until =
      (await repo.throttleBlockedUntil(db, keyHash)) ?? new Date(now.getTime() + rule.baseBlockMs);
    throw new AppError('too_many_attempts', undefined, {
      retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
    });
  }
}
