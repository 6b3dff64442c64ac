import type { Db } from '../../db/database.js';

/**
 * Counts `hits` hits in the key's fixed window, atomically across instances, and returns the window's total
 * after them.
 */
export async function countHit(db: Db, keyHash: Buffer, windowStart: Date, hits = 1): Promise<number> {
  const row = await db
    .insertInto('api_rate_limit')
    .values({ key_hash: keyHash, window_start: windowStart, hits })
    .onConflict((oc) =>
      oc
        .columns(['key_hash', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('api_rate_limit.hits', '+', hits) })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** Drops windows that ended before `before`. */
export async function deleteWindowsBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('api_rate_limit').where('window_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
