import type { Ctx } from './context.js';
import { AppError } from './errors.js';
import { claimReceipt, findReceipt, nameReceipt } from './idempotency.repository.js';

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
 * same transaction; a retry (same id) returns the first result and writes nothing. Without a request id the
 * create simply runs.
 *
 * The receipt is claimed before the create (inserted with the request id standing in for the record's id,
 * which is filled in after): a concurrent retry's claim waits on the first one's row until it commits, then
 * finds it taken and reads it; if the first rolled back, the retry's claim goes through. Two statements on
 * the path that creates (claim, name the record) where a lock, a look-up and an insert were three.
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
    const claimed = await claimReceipt(ctx, requestId, entity, parentId);
    if (!claimed) {
      const receipt = await findReceipt(ctx, requestId);
      if (!receipt) throw new AppError('conflict', 'This request id was used for something else');
      if (receipt.entity !== entity || (receipt.parent_id !== null && receipt.parent_id !== parentId))
        throw new AppError('conflict', 'This request id was used for something else');
      return { id: receipt.entity_id };
    }
    const created = await create(ctx, parentId, input, authorised);
    await nameReceipt(ctx, requestId, created.id);
    return created;
  };
}
