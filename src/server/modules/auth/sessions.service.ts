import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SessionStage } from '../../../shared/auth.schema.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import * as repo from './auth.repository.js';

/** A half-finished sign-in (password done, second factor pending) lives this long. */
export const PENDING_STAGE_MS = 10 * 60_000;
/** Refresh last_seen at most this often, to avoid a write per request (idle timeouts are minutes long). */
export const TOUCH_EVERY_MS = 60_000;

export interface ResolvedSession {
  id: string;
  stage: SessionStage;
  actor: Actor;
}

/** 256 random bits, base64url; only its SHA-256 is stored. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The CSRF token belongs to the session: a keyed hash of its token, so it needs no storage. */
export function csrfTokenFor(deps: Pick<Deps, 'keyring'>, sessionToken: string): string {
  return deps.keyring.systemHmac('csrf', sessionToken).toString('base64url');
}

/** Creates a session in the caller's transaction and returns its token (shown once, in the cookie). */
export async function createSession(
  deps: Pick<Deps, 'clock' | 'config'>,
  db: Db,
  input: { orgId: string; userId: string; stage: SessionStage },
): Promise<string> {
  const now = deps.clock.now();
  const { token, hash } = newToken();
  const lifetime = input.stage === 'full' ? deps.config.sessionAbsoluteMs : PENDING_STAGE_MS;
  await repo.insertSession(db, {
    id: randomUUID(),
    org_id: input.orgId,
    user_id: input.userId,
    token_hash: hash,
    stage: input.stage,
    created_at: now,
    expires_at: new Date(now.getTime() + lifetime),
  });
  return token;
}

/**
 * Finds the live session for a cookie token, in one statement on `db`. Revoked, expired (absolute), idle for
 * too long, or belonging to a user who is no longer allowed in → undefined; an idle session is revoked on the
 * spot (so the caller must commit `db` when it is a transaction). With `scope`, `db` must be a transaction:
 * the statement also sets the organisation and role for row-level security, for the rest of it.
 */
export async function resolveSession(
  deps: Pick<Deps, 'clock' | 'config'>,
  db: Db,
  token: string,
  scope = false,
): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const s = await repo.resolveSession(db, {
    tokenHash: hashToken(token),
    now: deps.clock.now(),
    idleMs: deps.config.sessionIdleMs,
    touchMs: TOUCH_EVERY_MS,
    scope,
  });
  if (!s) return undefined;
  return {
    id: s.sessionId,
    stage: s.stage,
    actor: { kind: 'user', userId: s.userId, orgId: s.orgId, role: s.role, sessionId: s.sessionId },
  };
}
