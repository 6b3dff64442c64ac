import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';

export interface ReceiptTables {
  request_receipts: {
    org_id: string;
    request_id: string;
    entity: string;
    entity_id: string;
    /** The record the entity was created under (a case); null on receipts from before migration 0013. */
    parent_id: string | null;
    created_at: Date;
  };
}

/**
 * Makes a create idempotent on the client's `requestId`: the first call creates and leaves a receipt in the
 * same transaction; a retry (same id) returns the first result and writes nothing. Concurrent retries queue
 * on an advisory lock. Without a request id the create simply runs.
 *
 * Authorisation is part of the signature, and runs first, every time: a replay answers only to someone who
 * may create on that parent now (a request id does not open a case), and only for the parent the receipt
 * was made under. `create` receives what `authorize` loaded, so it cannot be written without it.
 */
export function idempotent<I extends { requestId?: string | undefined }, A>(
  entity: string,
  authorize: (ctx: Ctx, parentId: string) => Promise<A>,
  create: (ctx: Ctx, parentId: string, input: I, authorised: A) => Promise<{ id: string }>,
): (ctx: Ctx, parentId: string, input: I) => Promise<{ id: string }> {
  return async (ctx, parentId, input) => {
    const authorised = await authorize(ctx, parentId);
    const requestId = input.requestId;
    if (!requestId) return create(ctx, parentId, input, authorised);
    await sql`select pg_advisory_xact_lock(hashtext(${`receipt:${requestId}`}))`.execute(ctx.db);
    const receipt = await ctx.db
      .selectFrom('request_receipts')
      .select(['entity', 'entity_id', 'parent_id'])
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (receipt) {
      if (receipt.entity !== entity || (receipt.parent_id !== null && receipt.parent_id !== parentId))
        throw new AppError('conflict', 'This request id was used for something else');
      return { id: receipt.entity_id };
    }
    const created = await create(ctx, parentId, input, authorised);
    await ctx.db
      .insertInto('request_receipts')
      .values({
        org_id: ctx.actor.orgId,
        request_id: requestId,
        entity,
        entity_id: created.id,
        parent_id: parentId,
        created_at: ctx.clock.now(),
      })
      .execute();
    return created;
  };
}
