import { randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { canOnCase, caseAccess, canGrantAccess, type CaseAction, type CaseFacts } from './cases.policy.js';
import * as repo from './cases.repository.js';

/**
 * Cases: loading a case for an action (the policy decides, a record the actor may not see is a 404) and the
 * break-the-glass grant. The verbs: get-case.ts, list-cases.ts, update-case.ts, assign-counsellor.ts,
 * transition-case.ts.
 */

/** How long a coordinator's reasoned access to someone else's case lasts. */
export const GRANT_MS = 8 * 3_600_000;

export interface LoadedCase {
  row: repo.CaseRow;
  facts: CaseFacts;
  grant: boolean;
}

function factsOf(row: repo.CaseRow): CaseFacts {
  return {
    orgId: row.org_id,
    state: row.state,
    coordinatorId: row.coordinator_id,
    counsellorId: row.counsellor_id,
  };
}

/**
 * Loads a case the actor may act on. A case they may not see is "not found", like a missing one; a
 * coordinator opening someone else's case is asked for a reason first.
 */
export async function loadCase(ctx: Ctx, id: string, action: CaseAction): Promise<LoadedCase> {
  const found = await repo.findCaseWithGrant(
    ctx.db,
    id,
    ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    ctx.clock.now(),
  );
  if (!found) throw new AppError('not_found', 'No such case');
  const { row, granted: grant } = found;
  const facts = factsOf(row);
  const access = caseAccess(ctx.actor, facts, grant);
  if (access === 'none') throw new AppError('not_found', 'No such case');
  if (access === 'needs_reason') throw new AppError('reason_required');
  if (!canOnCase(ctx.actor, facts, grant, action)) throw new AppError('forbidden');
  return { row, facts, grant };
}

/** A coordinator states why they open a case assigned to someone else; logged, valid for eight hours. */
export async function grantAccess(ctx: Ctx, id: string, reason: string): Promise<void> {
  const row = await repo.findCase(ctx.db, id);
  if (!row || caseAccess(ctx.actor, factsOf(row), false) === 'none')
    throw new AppError('not_found', 'No such case');
  if (!canGrantAccess(ctx.actor, factsOf(row))) throw new AppError('forbidden');
  const actor = ctx.actor as Actor;
  const now = ctx.clock.now();
  const grantId = randomUUID();
  await repo.insertGrant(ctx.db, {
    id: grantId,
    org_id: actor.orgId,
    case_id: id,
    user_id: actor.userId,
    reason_enc: await sealText(ctx, 'case_access_grants', 'reason', grantId, reason),
    expires_at: new Date(now.getTime() + GRANT_MS),
    created_at: now,
  });
  await recordAccess(ctx, { entity: 'case', entityId: id, purpose: 'access_granted', reason });
  await audit(ctx, { action: 'case.access_grant', entity: 'case', entityId: id, changedFields: ['access'] });
}
