import { sql } from 'kysely';
import type { CaseListQuery } from '../../../shared/cases.schema.js';
import type { MyWork } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { openText } from '../../lib/fields.js';
import { listCases as listCaseRows } from '../cases/cases.repository.js';
import { countCaseloads } from '../matching/matching.repository.js';
import { todayOf, toSummary } from '../cases/cases.service.js';
import { authorizeWork, workScope } from './work.policy.js';

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
    let q = ctx.db
      .selectFrom('tasks as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select(['t.id', 't.case_id', 'c.reference', 't.kind', 't.title_enc', 't.due_on'])
      .where('t.org_id', '=', orgId)
      .where('t.done_at', 'is', null)
      .where('t.cancelled_at', 'is', null);
    q =
      filter === 'mine'
        ? q
            .where('t.assignee_id', '=', actor.userId)
            .where('t.due_on', '<=', addDays(today, 14))
            // A counsellor sees tasks of their own cases only, whoever assigned them.
            .where((eb) => (own ? eb('c.counsellor_id', '=', actor.userId) : eb.val(true)))
        : q.where('t.kind', '=', 'aftercare').where('t.due_on', '<', today);
    const rows = await q.orderBy('t.due_on').limit(50).execute();
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

  const alerts = await ctx.db
    .selectFrom('alerts as a')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.kind', 'a.case_id', 'c.reference', 'a.created_at'])
    .where('a.user_id', '=', actor.userId)
    .where('a.read_at', 'is', null)
    // Account-change alerts belong to admins and the privacy officer, shown with the change itself.
    .where('a.kind', '!=', 'account_change')
    .orderBy('a.created_at', 'desc')
    .limit(20)
    .execute();
  const alertItems = alerts.flatMap((a) =>
    a.kind === 'account_change'
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
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from contacts where org_id = ${orgId} and occurred_at >= ${weekAgo}`.execute(
    ctx.db,
  );
  const [intake, matching, urgent, mine] = await Promise.all([
    listCaseRows(ctx.db, orgId, { ...base, state: 'intake' }, today),
    listCaseRows(ctx.db, orgId, { ...base, state: 'matching' }, today),
    listCaseRows(ctx.db, orgId, { ...base, urgent: 'true' }, today),
    ctx.db
      .selectFrom('cases')
      .select('id')
      .where('coordinator_id', '=', actor.userId)
      .where('state', '!=', 'closed')
      .execute(),
  ]);
  const mineIds = new Set(mine.map((m) => m.id));
  const all = await listCaseRows(ctx.db, orgId, base, today);
  return {
    scope: 'organisation',
    myCases: open(all.filter((r) => mineIds.has(r.id))),
    tasks: await taskRows('mine'),
    newContacts: rows[0]?.n ?? 0,
    unassigned: [...intake, ...matching].map(toSummary),
    urgent: open(urgent),
    overdueAftercare: await taskRows('overdue_aftercare'),
    alerts: alertItems,
  };
}

export async function markAlertRead(ctx: Ctx, id: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  const r = await ctx.db
    .updateTable('alerts')
    .set({ read_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw new AppError('not_found', 'No such alert');
}

/** Active counsellors with their open caseload, for the coordinator's assignment choice. */
export async function counsellorOptions(ctx: Ctx) {
  authorizeWork(ctx.actor, 'work.counsellor_options');
  const rows = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.org_id', '=', ctx.actor.orgId)
    .where('u.role', '=', 'counsellor')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
  // The same count as matching's capacity filter, so the dialog and the shortlist never disagree.
  const caseloads = await countCaseloads(ctx.db, ctx.actor.orgId);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.display_name, activeCases: caseloads.get(r.id) ?? 0 })),
  };
}
