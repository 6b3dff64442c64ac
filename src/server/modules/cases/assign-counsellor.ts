import type { z } from 'zod';
import type { AssignSchema } from '../../../shared/cases.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { assertEligible, withdrawPendingOffers } from '../matching/eligibility.js';
import { isAssignableCounsellor } from './cases.policy.js';
import * as repo from './cases.repository.js';
import { loadCase } from './cases.service.js';

/** The coordinator gives a case to a counsellor. */

/** Assigns (or reassigns) the counsellor; the audit log keeps the history of who had the case. */
export async function assignCounsellor(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof AssignSchema>,
): Promise<void> {
  const { row } = await loadCase(ctx, id, 'case.assign');
  const counsellor = await repo.userOfOrg(ctx.db, ctx.actor.orgId, input.counsellorId);
  if (!counsellor || !isAssignableCounsellor(counsellor)) {
    throw invalidField('counsellorId', 'not_a_counsellor', 'Choose an active counsellor');
  }
  if (row.state === 'closed' || row.state === 'aftercare')
    throw new AppError('invalid_transition', 'Reopen the case before assigning it');
  // Direct assignment passes the same hard filters as matching (training, VOG, capacity…): no way around them.
  // A direct assignment is the coordinator's own choice of place; every safety filter still applies.
  await assertEligible(ctx, id, counsellor.id, { reach: 'wide', interpreter: false });
  const now = ctx.clock.now();
  await withdrawPendingOffers(ctx, id);
  if (row.counsellor_id && row.counsellor_id !== counsellor.id)
    await repo.moveOpenTasks(ctx.db, id, row.counsellor_id, counsellor.id);
  await repo.assignCase(ctx.db, id, counsellor.id, now);
  await audit(ctx, {
    action: row.counsellor_id ? 'case.reassign' : 'case.assign',
    entity: 'case',
    entityId: id,
    changedFields: ['counsellor_id', ...(row.state !== 'active' ? ['state'] : [])],
    details: { from: row.counsellor_id, to: counsellor.id },
  });
}
