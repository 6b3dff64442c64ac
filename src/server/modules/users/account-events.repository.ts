import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AccountEventsTable } from './users.table.js';

export async function insertAccountEvent(db: Db, row: Insertable<AccountEventsTable>): Promise<void> {
  await db.insertInto('account_events').values(row).execute();
}

/** Everyone tied to the user by an account change, either way round, since `since`. */
export async function tiedUserIds(db: Db, orgId: string, userId: string, since: Date): Promise<Set<string>> {
  const rows = await db
    .selectFrom('account_events')
    .select(['actor_id', 'subject_id'])
    .where('org_id', '=', orgId)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_id', '=', userId)]))
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    const other = r.actor_id === userId ? r.subject_id : r.actor_id;
    if (other && other !== userId) ids.add(other);
  }
  return ids;
}

/**
 * Since when the user holds their current role: the account's creation, or the last re-activation or role
 * change, whichever is later.
 */
export async function findInRoleSince(db: Db, userId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('account_events as e', (join) =>
      join.onRef('e.subject_id', '=', 'u.id').on('e.kind', 'in', ['reactivate', 'role_change']),
    )
    .select(['u.created_at'])
    .select((eb) => eb.fn.max('e.at').as('changed_at'))
    .where('u.id', '=', userId)
    .groupBy('u.created_at')
    .executeTakeFirst();
  if (!row) return undefined;
  const changed = row.changed_at ? new Date(row.changed_at) : undefined;
  return changed && changed > row.created_at ? changed : row.created_at;
}

/** Account events with the names of both people, newest first (for the privacy officer and the alerts). */
export function accountEventRows(db: Db, orgId: string) {
  return db
    .selectFrom('account_events as e')
    .innerJoin('users as s', 's.id', 'e.subject_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.actor_id',
      'a.display_name as actor_name',
      'e.subject_id',
      's.display_name as subject_name',
      's.role as subject_role',
      'e.from_role',
      'e.to_role',
    ])
    .where('e.org_id', '=', orgId)
    .orderBy('e.at', 'desc');
}
export type AccountEventRow = Awaited<ReturnType<ReturnType<typeof accountEventRows>['execute']>>[number];

export async function listAccountEvents(db: Db, orgId: string, since: Date, limit: number) {
  return accountEventRows(db, orgId).where('e.at', '>', since).limit(limit).execute();
}

/** Who invited whom, ever: the first invite of each account. */
export async function listInviters(db: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('account_events')
    .select(['subject_id', 'actor_id'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'invite')
    .where('actor_id', 'is not', null)
    .orderBy('at')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.subject_id)) map.set(r.subject_id, r.actor_id!);
  return map;
}

/** Active admins and privacy officers: they hear of every account change. */
export async function accountWatcherIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', 'in', ['admin', 'privacy_officer'])
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertAccountAlerts(
  db: Db,
  rows: { id: string; org_id: string; user_id: string; account_event_id: string; created_at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('alerts')
    .values(rows.map((r) => ({ ...r, kind: 'account_change' as const, case_id: null })))
    .execute();
}

/** The user's unread alerts about account changes, with the change they are about. */
export async function listAccountAlerts(db: Db, orgId: string, userId: string) {
  const alerts = await db
    .selectFrom('alerts')
    .select(['id', 'created_at', 'account_event_id'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('kind', '=', 'account_change')
    .where('read_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const ids = alerts.map((a) => a.account_event_id).filter((id): id is string => id !== null);
  const events = ids.length ? await accountEventRows(db, orgId).where('e.id', 'in', ids).execute() : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  return alerts.flatMap((a) => {
    const event = a.account_event_id ? byId.get(a.account_event_id) : undefined;
    return event ? [{ id: a.id, created_at: a.created_at, event }] : [];
  });
}
