import type { CaseListQuery, CaseSummary } from '../../../shared/cases.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, startOfDay, todayIn } from '../../lib/dates.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { openMany } from '../../lib/fields.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { authorizeCaseRole, caseListScope } from './cases.policy.js';
import { listCases as listCaseRows } from './case-list.repository.js';

/** The case list, and the summary row it and "my work" show. */

export function toSummary(r: Awaited<ReturnType<typeof listCaseRows>>[number]): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    state: r.state,
    urgent: r.urgent,
    categoryId: r.category_id,
    municipality: r.municipality,
    counsellorId: r.counsellor_id,
    counsellorName: r.counsellor_name,
    openedAt: r.opened_at.toISOString(),
    lastActivityAt: r.last_activity_at.toISOString(),
    overdueTasks: r.overdue_tasks,
  };
}

/** Coordinators list the organisation's cases; counsellors only their own (scoped in the query itself). */
export async function listCases(
  ctx: Ctx,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; next: string | null }> {
  authorizeCaseRole(ctx.actor, 'case.list');
  const scope = caseListScope(ctx.actor);
  const timeZone = await getTimeZone(ctx.db, ctx.actor.orgId);
  // "Opened from 1 to 31 March" means those days where the organisation is, not in UTC.
  const cursor = q.after ? decodeCursor(q.after, 'after') : undefined;
  const rows = await listCaseRows(ctx.db, ctx.actor.orgId, q, todayIn(timeZone, ctx.clock.now()), {
    ...(scope.counsellorId ? { scopeCounsellorId: scope.counsellorId } : {}),
    ...(cursor ? { cursor } : {}),
    ...(q.from ? { openedFrom: startOfDay(timeZone, q.from) } : {}),
    ...(q.to ? { openedBefore: startOfDay(timeZone, addDays(q.to, 1)) } : {}),
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next =
    rows.length > q.limit && last
      ? encodeCursor({
          at: q.sort === 'activity_desc' ? last.last_activity_at : last.opened_at,
          id: last.id,
        })
      : null;
  // The alias is opened only for the cases of this page, in one pass with the organisation's key.
  const aliases = await openMany(
    ctx,
    'callers',
    'alias',
    page.map((r) => ({ id: r.caller_id, sealed: r.caller_alias_enc })),
  );
  return {
    items: page.map((r) => ({ ...toSummary(r), callerAlias: aliases.get(r.caller_id) ?? '' })),
    next,
  };
}
