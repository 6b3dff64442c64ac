import type { Db } from '../../db/database.js';

/** The user's newest notifications, read and unread, with the case reference (never case content). */
export async function listForUser(db: Db, orgId: string, userId: string, limit: number) {
  return db
    .selectFrom('alerts as a')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.kind', 'a.case_id', 'c.reference', 'a.created_at', 'a.read_at'])
    .where('a.org_id', '=', orgId)
    .where('a.user_id', '=', userId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks every unread notification of the user read; returns how many were. */
export async function markAllRead(db: Db, orgId: string, userId: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('alerts')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Where and in which language a notice e-mail goes, and whether the account may still receive one. */
export async function findNoticeRecipient(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['email', 'language', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
