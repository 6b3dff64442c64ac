import { sql } from 'kysely';
import type { SessionStage } from '../../../shared/auth.schema.js';
import type { Db } from '../../db/database.js';

/**
 * The accounts an e-mail address has, one per organisation at most, most recently used first (works before
 * the organisation is known; returns ids only).
 */
export async function findLogins(db: Db, email: string): Promise<{ orgId: string; userId: string }[]> {
  const { rows } = await sql<{
    org_id: string;
    user_id: string;
  }>`select * from auth_find_login(${email})`.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, userId: r.user_id }));
}

export async function findSessionOrg(
  db: Db,
  tokenHash: Buffer,
): Promise<{ orgId: string; sessionId: string } | undefined> {
  const { rows } = await sql<{ org_id: string; session_id: string }>`
    select * from auth_find_session(${tokenHash})`.execute(db);
  return rows[0] ? { orgId: rows[0].org_id, sessionId: rows[0].session_id } : undefined;
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    org_id: string;
    user_id: string;
    token_hash: Buffer;
    stage: SessionStage;
    created_at: Date;
    expires_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

/** The session with its user, for one request. */
export async function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.org_id',
      's.user_id',
      's.stage',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.role',
      'u.status',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user (password change, deactivation, MFA reset). */
export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function upgradeSession(db: Db, sessionId: string, expiresAt: Date, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ stage: 'full', expires_at: expiresAt, last_seen_at: now })
    .where('id', '=', sessionId)
    .execute();
}
