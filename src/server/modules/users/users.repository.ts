import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { InvitesTable, UsersTable } from './users.table.js';

const PUBLIC_COLUMNS = [
  'id',
  'org_id',
  'email',
  'display_name',
  'role',
  'status',
  'language',
  'totp_enrolled_at',
  'last_sign_in_at',
  'created_at',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUser>> & {};

export async function findUser(db: Db, id: string) {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function getUser(db: Db, id: string) {
  const user = await findUser(db, id);
  if (!user) throw notFound('user');
  return user;
}

/** The user with secrets, for authentication only. */
export async function findCredentials(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'org_id',
      'email',
      'display_name',
      'role',
      'status',
      'password_hash',
      'totp_secret',
      'totp_enrolled_at',
      'totp_last_step',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listUsers(db: Db, orgId: string) {
  return db
    .selectFrom('users')
    .select(PUBLIC_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('status')
    .orderBy('display_name')
    .execute();
}

export async function countActiveAdmins(db: Db, orgId: string, exceptUserId?: string): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active');
  if (exceptUserId) q = q.where('id', '!=', exceptUserId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Sets the last used TOTP step only if it moves forward: two racing requests cannot both use one code. */
export async function advanceTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertInvite(db: Db, row: Insertable<InvitesTable>): Promise<void> {
  await db.insertInto('invites').values(row).execute();
}

export async function findInvite(db: Db, id: string) {
  return db
    .selectFrom('invites')
    .select(['id', 'org_id', 'user_id', 'expires_at', 'used_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks an invite used, once: returns false if another request used it first. */
export async function useInvite(db: Db, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function revokeOpenInvites(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * The organisation and id of the invite with this token hash (used, revoked or expired alike), found before
 * any organisation is known, through a security-definer function that reveals nothing else.
 */
export async function findInviteByTokenHash(
  db: Db,
  tokenHash: Buffer,
): Promise<{ org_id: string; invite_id: string } | undefined> {
  const { rows } = await sql<{ org_id: string; invite_id: string }>`
    select * from auth_find_invite(${tokenHash})`.execute(db);
  return rows[0];
}
