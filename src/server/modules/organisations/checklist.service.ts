import type { Checklist } from '../../../shared/checklist.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizeChecklist } from './checklist.policy.js';
import * as repo from './checklist.repository.js';

async function compute(ctx: Ctx): Promise<Checklist> {
  const f = await repo.checklistFacts(ctx.db, ctx.actor.orgId);
  const items: Checklist['items'] = [
    { key: 'organisation', done: f.organisation },
    { key: 'staff', done: f.coordinators > 0 && f.counsellors > 0 },
    { key: 'counsellors', done: f.profiles > 0 },
    { key: 'partners', done: f.partners > 0 },
    { key: 'consent', done: f.consent },
  ];
  return { items, allDone: items.every((i) => i.done), dismissed: f.dismissed_at !== null };
}

/** The admin's set-up checklist, each step worked out from the organisation's own records. */
export async function getChecklist(ctx: Ctx): Promise<Checklist> {
  authorizeChecklist(ctx.actor, 'checklist.view');
  return compute(ctx);
}

/** Puts the checklist away, which only a finished checklist may be: an unfinished set-up stays in view. */
export async function dismissChecklist(ctx: Ctx): Promise<Checklist> {
  authorizeChecklist(ctx.actor, 'checklist.dismiss');
  const list = await compute(ctx);
  if (list.dismissed) return list;
  if (!list.allDone) throw new AppError('conflict', 'The set-up checklist is not finished yet');
  await repo.markDismissed(ctx.db, ctx.actor.orgId, ctx.clock.now());
  await audit(ctx, {
    action: 'organisation.checklist_dismiss',
    entity: 'organisation',
    entityId: ctx.actor.orgId,
    changedFields: ['setup_checklist_dismissed_at'],
  });
  return { ...list, dismissed: true };
}
