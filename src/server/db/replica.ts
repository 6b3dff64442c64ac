import type { Kysely } from 'kysely';
import type { Ctx } from '../lib/context.js';
import { setOrg, type DB } from './database.js';

/**
 * Runs a read that may lag a moment behind the primary (reports, dashboards) on the read replica: in a
 * read-only transaction there, scoped for row-level security exactly as the request's transaction is (the
 * organisation and the actor's role, through `setOrg`). `fn` gets the caller's context with the replica's
 * transaction as its `db`; anything it must write (audit, access log) belongs in the caller's own context.
 * Without a replica, `fn` runs in the caller's transaction, as if this wrapper were not there.
 */
export async function onReplica<C extends Ctx, T>(
  replica: Kysely<DB> | undefined,
  ctx: C,
  fn: (ctx: C) => Promise<T>,
): Promise<T> {
  if (!replica) return fn(ctx);
  const { actor } = ctx;
  return replica
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await setOrg(trx, actor.orgId, actor.kind === 'user' ? actor.role : undefined);
      return fn({ ...ctx, db: trx });
    });
}
