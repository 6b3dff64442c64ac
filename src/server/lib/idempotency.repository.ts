import type { Ctx } from './context.js';

// The receipts table belongs to no module: its three statements live here, beside lib/idempotency.ts.

/** Inserts the receipt unless the request id has one; true when this call claimed it. */
export async function claimReceipt(
  ctx: Ctx,
  requestId: string,
  entity: string,
  parentId: string,
): Promise<boolean> {
  const row = await ctx.db
    .insertInto('request_receipts')
    .values({
      org_id: ctx.actor.orgId,
      request_id: requestId,
      entity,
      entity_id: requestId,
      parent_id: parentId,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['org_id', 'request_id']).doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findReceipt(ctx: Ctx, requestId: string) {
  return ctx.db
    .selectFrom('request_receipts')
    .select(['entity', 'entity_id', 'parent_id'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function nameReceipt(ctx: Ctx, requestId: string, entityId: string): Promise<void> {
  await ctx.db
    .updateTable('request_receipts')
    .set({ entity_id: entityId })
    .where('org_id', '=', ctx.actor.orgId)
    .where('request_id', '=', requestId)
    .execute();
}
