import { sql } from 'kysely';
import type { CaseListQuery } from '../../../shared/cases.schema.js';
import type { Db } from '../../db/database.js';
import type { KeysetCursor } from '../../lib/cursor.js';

/** The case list: the cases the actor may see, filtered, sorted and paged. */

/**
 * The cases a list may show (see `caseListScope` in the policy): the organisation's, and only the
 * counsellor's own when `counsellorId` is given. Every list of cases starts here, the search included.
 */
export function visibleCases(db: Db, scope: { orgId: string; counsellorId?: string }) {
  const query = db.selectFrom('cases as c').where('c.org_id', '=', scope.orgId);
  return scope.counsellorId ? query.where('c.counsellor_id', '=', scope.counsellorId) : query;
}

/**
 * One page of cases, filtered and sorted on the server with a keyset cursor. `scopeCounsellorId` limits a
 * counsellor to their own cases in the WHERE clause itself. The `from`/`to` days of the query are applied
 * as `openedFrom`/`openedBefore` instants, which the service computes in the organisation's time zone.
 */
export async function listCases(
  db: Db,
  orgId: string,
  q: CaseListQuery,
  today: string,
  opts: { scopeCounsellorId?: string; openedFrom?: Date; openedBefore?: Date; cursor?: KeysetCursor } = {},
) {
  const { scopeCounsellorId, cursor } = opts;
  const sortColumn = q.sort === 'activity_desc' ? 'c.last_activity_at' : 'c.opened_at';
  const desc = q.sort !== 'opened_asc';
  let query = visibleCases(db, { orgId, ...(scopeCounsellorId ? { counsellorId: scopeCounsellorId } : {}) })
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .leftJoin('users as u', 'u.id', 'c.counsellor_id')
    .select([
      'c.id',
      'c.reference',
      'c.state',
      'c.urgent',
      'c.category_id',
      'c.municipality',
      'c.counsellor_id',
      'c.caller_id',
      'k.alias_enc as caller_alias_enc',
      'u.display_name as counsellor_name',
      'c.opened_at',
      'c.last_activity_at',
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('t.case_id', '=', 'c.id')
          .where('t.done_at', 'is', null)
          .where('t.cancelled_at', 'is', null)
          .where('t.due_on', '<', today)
          .as('overdue_tasks'),
    ]);
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.categoryId) query = query.where('c.category_id', '=', q.categoryId);
  if (q.counsellorId) query = query.where('c.counsellor_id', '=', q.counsellorId);
  if (q.municipality) query = query.where(sql`lower(c.municipality)`, '=', q.municipality.toLowerCase());
  if (q.urgent) query = query.where('c.urgent', '=', q.urgent === 'true');
  if (opts.openedFrom) query = query.where('c.opened_at', '>=', opts.openedFrom);
  if (opts.openedBefore) query = query.where('c.opened_at', '<', opts.openedBefore);
  if (q.overdue) {
    const overdue = sql<boolean>`exists (select 1 from tasks t where t.case_id = c.id and t.done_at is null and t.cancelled_at is null and t.due_on < ${today})`;
    query = query.where(q.overdue === 'true' ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (cursor) {
    const t = cursor.at;
    query = query.where((eb) =>
      eb.or([
        eb(sortColumn, desc ? '<' : '>', t),
        eb.and([eb(sortColumn, '=', t), eb('c.id', desc ? '<' : '>', cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy(sortColumn, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(q.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, overdue_tasks: Number(r.overdue_tasks ?? 0) }));
}
