import type { Db } from '../../db/database.js';

/** Counts one hit in the key's fixed window, atomically across instances, and returns the window's total. */
export async function countHit(db: Db, keyHash: Buffer, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('api_rate_limit')
    .values({ key_hash: keyHash, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc
        .columns(['key_hash', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('api_rate_limit.hits', '+', 1) })),
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
