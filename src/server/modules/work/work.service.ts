import type { CaseListQuery } from '../../../shared/cases.schema.js';
import type { MyWork } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { openText } from '../../lib/fields.js';
import { listCases as listCaseRows } from '../cases/case-list.repository.js';
import { toSummary } from '../cases/list-cases.js';
import { todayOf } from '../organisations/today.js';
import { authorizeWork, workScope } from './work.policy.js';
import * as repo from './work.repository.js';

const base: CaseListQuery = { sort: 'activity_desc', limit: 50 };

/** "My work" for counsellors (their families and tasks) and coordinators (what is new, urgent, unassigned, overdue). */
export async function myWork(ctx: Ctx): Promise<MyWork> {
  authorizeWork(ctx.actor, 'work.mine');
  const actor = ctx.actor;
  const own = workScope(actor) === 'own';
  const today = await todayOf(ctx);
  const orgId = actor.orgId;
  const open = (rows: Awaited<ReturnType<typeof listCaseRows>>) =>
    rows.filter((r) => r.state !== 'closed').map(toSummary);

  const taskRows = async (filter: 'mine' | 'overdue_aftercare') => {
    const rows = await repo.listOpenTasks(
      ctx.db,
      orgId,
      filter === 'mine'
        ? { kind: 'mine', userId: actor.userId, dueBy: addDays(today, 14), ownCasesOnly: own }
        : { kind: 'overdue_aftercare', overdueBefore: today },
    );
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        caseId: r.case_id,
        caseReference: r.reference,
        kind: r.kind,
        title: await openText(ctx, 'tasks', 'title', r.id, r.title_enc),
        dueOn: r.due_on,
        overdue: r.due_on < today,
      })),
    );
  };

  const alerts = await repo.listUnreadAlerts(ctx.db, actor.userId);
  const alertItems = alerts.flatMap((a) =>
    a.kind === 'account_change' || a.kind === 'peer_link_request'
      ? []
      : [
          {
            id: a.id,
            kind: a.kind,
            caseId: a.case_id,
            caseReference: a.reference,
            createdAt: a.created_at.toISOString(),
          },
        ],
  );

  if (own) {
    return {
      scope: 'own',
      myCases: open(await listCaseRows(ctx.db, orgId, base, today, { scopeCounsellorId: actor.userId })),
      tasks: await taskRows('mine'),
      newContacts: 0,
      unassigned: [],
      urgent: [],
      overdueAftercare: [],
      alerts: alertItems,
    };
  }
  const weekAgo = new Date(ctx.clock.now().getTime() - 7 * 86_400_000);
  const newContacts = await repo.countContactsSince(ctx.db, orgId, weekAgo);
  const [intake, matching, urgent, mine] = await Promise.all([
    listCaseRows(ctx.db, orgId, { ...base, state: 'intake' }, today),
    listCaseRows(ctx.db, orgId, { ...base, state: 'matching' }, today),
    listCaseRows(ctx.db, orgId, { ...base, urgent: 'true' }, today),
    repo.listCoordinatedOpenCaseIds(ctx.db, actor.userId),
  ]);
  const mineIds = new Set(mine);
  const all = await listCaseRows(ctx.db, orgId, base, today);
  return {
    scope: 'organisation',
    myCases: open(all.filter((r) => mineIds.has(r.id))),
    tasks: await taskRows('mine'),
    newContacts,
    unassigned: [...intake, ...matching].map(toSummary),
    urgent: open(urgent),
    overdueAftercare: await taskRows('overdue_aftercare'),
    alerts: alertItems,
  };
}

export async function markAlertRead(ctx: Ctx, id: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  if (!(await repo.markAlertRead(ctx.db, ctx.actor.userId, id, ctx.clock.now())))
    throw new AppError('not_found', 'No such alert');
}
