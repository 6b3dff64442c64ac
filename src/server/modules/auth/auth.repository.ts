import { sql } from 'kysely';
import type { SessionStage } from '../../../shared/auth.schema.js';
import type { Db } from '../../db/database.js';
import type { Role } from '../../../shared/roles.js';

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

/**
 * The live session of a token hash with its user's role, in one statement (migration 0028 applies expiry,
 * idle revocation and the throttled `last_seen_at` update). With `scope`, the same statement also sets the
 * organisation and the acting role for row-level security for the rest of the caller's transaction.
 */
export async function resolveSession(
  db: Db,
  input: { tokenHash: Buffer; now: Date; idleMs: number; touchMs: number; scope: boolean },
): Promise<
  { orgId: string; sessionId: string; userId: string; stage: SessionStage; role: Role } | undefined
> {
  const settings = input.scope
    ? sql`, set_config('app.org_id', r.r_org_id::text, true), set_config('app.actor_role', r.r_role, true)`
    : sql``;
  const { rows } = await sql<{
    org_id: string;
    session_id: string;
    user_id: string;
    stage: SessionStage;
    role: Role;
  }>`select r.r_org_id as org_id, r.r_session_id as session_id, r.r_user_id as user_id, r.r_stage as stage,
      r.r_role as role ${settings}
    from auth_resolve_session(${input.tokenHash}, ${input.now}, ${input.idleMs}, ${input.touchMs}) r`.execute(
    db,
  );
  const row = rows[0];
  return row
    ? { orgId: row.org_id, sessionId: row.session_id, userId: row.user_id, stage: row.stage, role: row.role }
    : undefined;
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

/** Until when a sign-in throttle key is blocked, if it is. */
export async function throttleBlockedUntil(db: Db, keyHash: Buffer): Promise<Date | null> {
  const row = await db
    .selectFrom('auth_throttle')
    .select('blocked_until')
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
}

/**
 * Counts one failure for the key, atomically, restarting the count when its window began before
 * `windowStartedBefore`; returns the failures in the current window.
 */
export async function countThrottleFailure(
  db: Db,
  keyHash: Buffer,
  now: Date,
  windowStartedBefore: Date,
): Promise<number> {
  const row = await db
    .insertInto('auth_throttle')
    .values({ key_hash: keyHash, window_started_at: now, failures: 1, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('auth_throttle.window_started_at', '<', windowStartedBefore)
          .then(1)
          .else(eb('auth_throttle.failures', '+', 1))
          .end(),
        window_started_at: eb
          .case()
          .when('auth_throttle.window_started_at', '<', windowStartedBefore)
          .then(now)
          .else(eb.ref('auth_throttle.window_started_at'))
          .end(),
      })),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function blockThrottleKey(db: Db, keyHash: Buffer, until: Date): Promise<void> {
  await db
    .updateTable('auth_throttle')
    .set({ blocked_until: until })
    .where('key_hash', '=', keyHash)
    .execute();
}

export async function clearThrottleKey(db: Db, keyHash: Buffer): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key_hash', '=', keyHash).execute();
}
