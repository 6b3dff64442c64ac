import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';

export interface ReceiptTables {
  request_receipts: {
    org_id: string;
    request_id: string;
    entity: string;
    entity_id: string;
    created_at: Date;
  };
}

/**
 * Makes a create idempotent on the client's `requestId`: the first call creates and leaves a receipt in the
 * same transaction; a retry (same id) returns the first result and writes nothing. Concurrent retries queue
 * on an advisory lock. Without a request id the create simply runs.
 */
export function idempotent<I extends { requestId?: string | undefined }>(
  entity: string,
  create: (ctx: Ctx, parentId: string, input: I) => Promise<{ id: string }>,
): (ctx: Ctx, parentId: string, input: I) => Promise<{ id: string }> {
  return async (ctx, parentId, input) => {
    const requestId = input.requestId;
    if (!requestId) return create(ctx, parentId, input);
    await sql`select pg_advisory_xact_lock(hashtext(${`receipt:${requestId}`}))`.execute(ctx.db);
    const receipt = await ctx.db
      .selectFrom('request_receipts')
      .select(['entity', 'entity_id'])
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (receipt) {
      if (receipt.entity !== entity)
        throw new AppError('conflict', 'This request id was used for something else');
      return { id: receipt.entity_id };
    }
    const created = await create(ctx, parentId, input);
    await ctx.db
      .insertInto('request_receipts')
      .values({
        org_id: ctx.actor.orgId,
        request_id: requestId,
        entity,
        entity_id: created.id,
        created_at: ctx.clock.now(),
      })
      .execute();
    return created;
  };
}
