import type { z } from 'zod';
import type { TransitionSchema } from '../../../shared/cases.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { assertTerm } from '../taxonomies/taxonomies.service.js';
import { withdrawPendingOffers } from '../matching/eligibility.js';
import { cancelOpenAftercare, scheduleAftercare } from './aftercare.service.js';
import { canTransition } from './cases.policy.js';
import { todayOf } from '../organisations/today.js';
import * as repo from './cases.repository.js';
import { loadCase } from './cases.service.js';

/** Moving a case through its states (to aftercare, closed, reopened). */

/**
 * Moves a case along its state machine. Closing (to aftercare or closed) needs a closure code, and for a
 * hand-over to the municipality, which one and when; moving to aftercare schedules the aftercare tasks.
 */
export async function transitionCase(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof TransitionSchema>,
): Promise<void> {
  const { row, facts, grant } = await loadCase(ctx, id, 'case.view');
  if (!canTransition(ctx.actor, facts, grant, input.to)) {
    throw new AppError(
      'invalid_transition',
      `A case in state ${row.state} cannot move to ${input.to} by you`,
    );
  }
  const now = ctx.clock.now();
  const closing = input.to === 'aftercare' || (input.to === 'closed' && row.state !== 'aftercare');
  const patch: repo.CasePatch = { state: input.to, last_activity_at: now, updated_at: now };
  const changed = ['state'];
  if (closing) {
    if (!input.closureId) {
      throw invalidField('closureId', 'required', 'Choose a closure code');
    }
    const closure = await assertTerm(ctx, input.closureId, 'closure', 'closureId');
    patch.closure_id = input.closureId;
    patch.closed_at = now;
    changed.push('closure_id');
    if (closure.code === 'handover_municipality') {
      const errors = [
        ...(!input.handoverMunicipality
          ? [{ field: 'handoverMunicipality', reason: 'required', message: 'Which municipality?' }]
          : []),
        ...(!input.handoverOn
          ? [{ field: 'handoverOn', reason: 'required', message: 'Handed over on which date?' }]
          : []),
      ];
      if (errors.length) throw new AppError('validation_failed', undefined, { errors });
      patch.handover_municipality = input.handoverMunicipality;
      patch.handover_on = input.handoverOn;
      changed.push('handover_municipality', 'handover_on');
    }
    if (input.to === 'aftercare' && !row.support_level) {
      throw invalidField(
        'supportLevel',
        'required',
        'Set the support level first: it decides the aftercare schedule',
      );
    }
  }
  if (input.to === 'active' && (row.state === 'closed' || row.state === 'aftercare')) {
    patch.closed_at = null;
    changed.push('closed_at');
  }
  await repo.updateCase(ctx.db, id, patch);
  if (input.to !== 'matching') await withdrawPendingOffers(ctx, id);
  // Reopening, or closing after aftercare, ends the open aftercare check-ins of the earlier closure.
  if ((input.to === 'active' || input.to === 'closed') && row.state === 'aftercare')
    await cancelOpenAftercare(ctx, id);
  if (input.to === 'active' && row.state === 'closed') await cancelOpenAftercare(ctx, id);
  await audit(ctx, {
    action: 'case.transition',
    entity: 'case',
    entityId: id,
    changedFields: changed,
    details: { from: row.state, to: input.to },
  });
  if (input.to === 'aftercare')
    await scheduleAftercare(ctx, {
      caseId: id,
      level: row.support_level!,
      assigneeId: row.counsellor_id,
      closedOn: await todayOf(ctx),
    });
}
