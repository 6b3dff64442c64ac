import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Open tasks for "my work", soonest due first (at most 50), with their case's reference: the user's own
 * tasks due by `dueBy` (only on their own cases when `ownCasesOnly`), or the organisation's aftercare tasks
 * overdue before `overdueBefore`.
 */
export async function listOpenTasks(
  db: Db,
  orgId: string,
  filter:
    | { kind: 'mine'; userId: string; dueBy: string; ownCasesOnly: boolean }
    | { kind: 'overdue_aftercare'; overdueBefore: string },
) {
  let q = db
    .selectFrom('tasks as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.id', 't.case_id', 'c.reference', 't.kind', 't.title_enc', 't.due_on'])
    .where('t.org_id', '=', orgId)
    .where('t.done_at', 'is', null)
    .where('t.cancelled_at', 'is', null);
  if (filter.kind === 'mine') {
    const { userId, ownCasesOnly } = filter;
    q = q
      .where('t.assignee_id', '=', userId)
      .where('t.due_on', '<=', filter.dueBy)
      // A counsellor sees tasks of their own cases only, whoever assigned them.
      .where((eb) => (ownCasesOnly ? eb('c.counsellor_id', '=', userId) : eb.val(true)));
  } else {
    q = q.where('t.kind', '=', 'aftercare').where('t.due_on', '<', filter.overdueBefore);
  }
  return q.orderBy('t.due_on').limit(50).execute();
}

/** The user's newest unread alerts (at most 20), without account-change alerts. */
export async function listUnreadAlerts(db: Db, userId: string) {
  return (
    db
      .selectFrom('alerts as a')
      .leftJoin('cases as c', 'c.id', 'a.case_id')
      .select(['a.id', 'a.kind', 'a.case_id', 'c.reference', 'a.created_at'])
      .where('a.user_id', '=', userId)
      .where('a.read_at', 'is', null)
      // Account-change alerts belong to admins and the privacy officer, shown with the change itself.
      .where('a.kind', '!=', 'account_change')
      .orderBy('a.created_at', 'desc')
      .limit(20)
      .execute()
  );
}

/** How many contacts the organisation had since a moment. */
export async function countContactsSince(db: Db, orgId: string, since: Date): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from contacts where org_id = ${orgId} and occurred_at >= ${since}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The ids of the open cases a coordinator coordinates. */
export async function listCoordinatedOpenCaseIds(db: Db, coordinatorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('coordinator_id', '=', coordinatorId)
    .where('state', '!=', 'closed')
    .execute();
  return rows.map((r) => r.id);
}

/** Marks one of the user's alerts read; false when they have no such alert. */
export async function markAlertRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
