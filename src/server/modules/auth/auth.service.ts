import QRCode from 'qrcode';
import type {
  Enrolment,
  Login,
  LoginResult,
  PasswordChange,
  ProfileUpdate,
  SessionInfo,
  SessionStage,
} from '../../../shared/auth.schema.js';
import { inOrg } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import type { Deps } from '../../lib/deps.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { canAudit } from '../audit/audit.policy.js';
import { getOrganisation } from '../organisations/organisations.repository.js';
import { canManageUsers } from '../users/users.policy.js';
import * as users from '../users/users.repository.js';
import * as repo from './auth.repository.js';
import { burnVerifyTime, checkPassword, hashPassword, verifyPassword } from './password.js';
import { createSession, csrfTokenFor, type ResolvedSession } from './sessions.service.js';
import { assertNotBlocked, clearFailures, countAttempt, recordFailure, RULES } from './throttle.js';
import { groupKey, newTotpSecret, otpauthUri, verifyTotp } from './totp.js';

export interface Issued {
  token: string;
  result: LoginResult;
}

const TOTP_FIELD = { table: 'users', column: 'totp_secret' } as const;

function issued(deps: Deps, token: string, stage: SessionStage): Issued {
  return { token, result: { stage, csrfToken: csrfTokenFor(deps, token) } };
}

/**
 * Password step of sign-in. The same error, after the same work, whether the address is unknown, the
 * password wrong or the account deactivated; failures are counted per address and per IP.
 */
export async function login(deps: Deps, input: Login, ip: string): Promise<Issued> {
  const now = deps.clock.now();
  const accountKey = deps.keyring.systemHmac('throttle', `account:${input.email}`);
  const ipKey = deps.keyring.systemHmac('throttle', `ip:${ip}`);
  await assertNotBlocked(deps.db, accountKey, now);
  await assertNotBlocked(deps.db, ipKey, now);

  const found = await repo.findLogin(deps.db, input.email);
  const cred = found
    ? await inOrg(deps.db, found.orgId, (trx) => users.findCredentials(trx, found.userId))
    : undefined;
  let ok = false;
  if (cred?.password_hash && cred.status !== 'deactivated')
    ok = await verifyPassword(cred.password_hash, input.password);
  else await burnVerifyTime(input.password);

  if (!ok || !cred) {
    await recordFailure(deps.db, accountKey, RULES.account, now);
    await recordFailure(deps.db, ipKey, RULES.ip, now);
    throw new AppError('invalid_credentials');
  }
  await clearFailures(deps.db, accountKey);
  const stage: SessionStage = cred.totp_enrolled_at ? 'mfa' : 'enrol';
  const token = await inOrg(deps.db, cred.org_id, (trx) =>
    createSession(deps, trx, { orgId: cred.org_id, userId: cred.id, stage }),
  );
  return issued(deps, token, stage);
}

/** Second step: a TOTP code, each usable once. On success the session is replaced by a fresh full one. */
export async function verifyMfa(deps: Deps, session: ResolvedSession, code: string): Promise<Issued> {
  if (session.stage !== 'mfa') throw new AppError('forbidden');
  const { actor } = session;
  const now = deps.clock.now();
  const key = deps.keyring.systemHmac('throttle', `mfa:${actor.userId}`);
  await countAttempt(deps.db, key, RULES.mfa, now);
  const token = await inOrg(deps.db, actor.orgId, async (trx) => {
    const cred = await users.findCredentials(trx, actor.userId);
    if (!cred?.totp_secret || !cred.totp_enrolled_at) return undefined;
    const secret = await deps.keyring.decrypt(
      trx,
      actor.orgId,
      { ...TOTP_FIELD, id: cred.id },
      cred.totp_secret,
    );
    const step = await verifyTotp(secret, code, now, cred.totp_last_step);
    if (step === null || !(await users.advanceTotpStep(trx, cred.id, step))) return undefined;
    return finishSignIn(deps, { db: trx, actor, clock: deps.clock, keyring: deps.keyring }, session.id);
  });
  if (!token) throw new AppError('mfa_invalid');
  await clearFailures(deps.db, key);
  return issued(deps, token, 'full');
}

async function finishSignIn(deps: Deps, ctx: Ctx<Actor>, oldSessionId: string): Promise<string> {
  const now = ctx.clock.now();
  await repo.revokeSession(ctx.db, oldSessionId, now);
  await users.updateUser(ctx.db, ctx.actor.userId, { last_sign_in_at: now });
  await audit(ctx, { action: 'auth.sign_in', entity: 'user', entityId: ctx.actor.userId });
  return createSession(deps, ctx.db, { orgId: ctx.actor.orgId, userId: ctx.actor.userId, stage: 'full' });
}

/** Starts (or shows again) TOTP enrolment for a session in the enrol stage. */
export async function enrolment(deps: Deps, session: ResolvedSession): Promise<Enrolment> {
  if (session.stage !== 'enrol') throw new AppError('forbidden');
  const { actor } = session;
  return inOrg(deps.db, actor.orgId, async (trx) => {
    const cred = await users.findCredentials(trx, actor.userId);
    if (!cred || cred.totp_enrolled_at) throw new AppError('forbidden');
    let secret: string;
    if (cred.totp_secret) {
      secret = await deps.keyring.decrypt(trx, actor.orgId, { ...TOTP_FIELD, id: cred.id }, cred.totp_secret);
    } else {
      secret = newTotpSecret();
      const sealed = await deps.keyring.encrypt(trx, actor.orgId, { ...TOTP_FIELD, id: cred.id }, secret);
      await users.updateUser(trx, cred.id, { totp_secret: sealed, updated_at: deps.clock.now() });
    }
    const org = await getOrganisation(trx, actor.orgId);
    const uri = otpauthUri(secret, cred.email, `Confidant (${org.name})`);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { otpauthUri: uri, qrSvg, manualKey: groupKey(secret) };
  });
}

/** Confirms enrolment with a first code; the account becomes active and the session full. */
export async function confirmEnrolment(deps: Deps, session: ResolvedSession, code: string): Promise<Issued> {
  if (session.stage !== 'enrol') throw new AppError('forbidden');
  const { actor } = session;
  const now = deps.clock.now();
  const key = deps.keyring.systemHmac('throttle', `mfa:${actor.userId}`);
  await countAttempt(deps.db, key, RULES.mfa, now);
  const token = await inOrg(deps.db, actor.orgId, async (trx) => {
    const cred = await users.findCredentials(trx, actor.userId);
    if (!cred?.totp_secret || cred.totp_enrolled_at) return undefined;
    const secret = await deps.keyring.decrypt(
      trx,
      actor.orgId,
      { ...TOTP_FIELD, id: cred.id },
      cred.totp_secret,
    );
    const step = await verifyTotp(secret, code, now, cred.totp_last_step);
    if (step === null || !(await users.advanceTotpStep(trx, cred.id, step))) return undefined;
    await users.updateUser(trx, cred.id, { totp_enrolled_at: now, status: 'active', updated_at: now });
    const ctx = { db: trx, actor, clock: deps.clock, keyring: deps.keyring };
    await audit(ctx, {
      action: 'user.mfa_enrol',
      entity: 'user',
      entityId: cred.id,
      changedFields: ['totp_enrolled_at', ...(cred.status === 'invited' ? ['status'] : [])],
    });
    return finishSignIn(deps, ctx, session.id);
  });
  if (!token) throw new AppError('mfa_invalid');
  await clearFailures(deps.db, key);
  return issued(deps, token, 'full');
}

export async function logout(ctx: Ctx<Actor>): Promise<void> {
  await repo.revokeSession(ctx.db, ctx.actor.sessionId, ctx.clock.now());
  await audit(ctx, { action: 'auth.sign_out', entity: 'user', entityId: ctx.actor.userId });
}

/** Changes the password after checking the current one; every session of the user ends, a new one starts. */
export async function changePassword(deps: Deps, ctx: Ctx<Actor>, input: PasswordChange): Promise<string> {
  const now = ctx.clock.now();
  const key = deps.keyring.systemHmac('throttle', `password:${ctx.actor.userId}`);
  await assertNotBlocked(ctx.db, key, now);
  const cred = await users.findCredentials(ctx.db, ctx.actor.userId);
  if (!cred?.password_hash) throw new AppError('forbidden');
  if (!(await verifyPassword(cred.password_hash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is wrong', {
      errors: [
        { field: 'currentPassword', reason: 'wrong_password', message: 'The current password is wrong' },
      ],
    });
  }
  const org = await getOrganisation(ctx.db, ctx.actor.orgId);
  const weak = checkPassword(input.newPassword, [org.name, cred.display_name, cred.email], 'newPassword');
  if (weak) throw new AppError('weak_password', weak.message, { errors: [weak] });
  await users.updateUser(ctx.db, cred.id, {
    password_hash: await hashPassword(input.newPassword),
    password_changed_at: now,
    updated_at: now,
  });
  await repo.revokeUserSessions(ctx.db, cred.id, now);
  await audit(ctx, {
    action: 'user.password_change',
    entity: 'user',
    entityId: cred.id,
    changedFields: ['password'],
  });
  return createSession(deps, ctx.db, { orgId: ctx.actor.orgId, userId: cred.id, stage: 'full' });
}

/** Counts a wrong current password against the user, outside the (rolled back) request transaction. */
export async function recordPasswordFailure(deps: Deps, userId: string): Promise<void> {
  const key = deps.keyring.systemHmac('throttle', `password:${userId}`);
  await recordFailure(deps.db, key, RULES.account, deps.clock.now());
}

export async function updateProfile(ctx: Ctx<Actor>, input: ProfileUpdate): Promise<void> {
  const patch: { display_name?: string; language?: ProfileUpdate['language'] } = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.language !== undefined) patch.language = input.language;
  const changed = Object.keys(patch);
  if (changed.length === 0) return;
  await users.updateUser(ctx.db, ctx.actor.userId, { ...patch, updated_at: ctx.clock.now() });
  await audit(ctx, {
    action: 'user.update_profile',
    entity: 'user',
    entityId: ctx.actor.userId,
    changedFields: changed,
  });
}

/** What the web needs to draw the shell: who, where, and which abilities to show. */
export async function sessionInfo(
  ctx: Pick<Ctx<Actor>, 'db' | 'actor'>,
  stage: SessionStage,
  csrfToken: string,
  idleTimeoutSeconds: number,
): Promise<SessionInfo> {
  const user = await users.getUser(ctx.db, ctx.actor.userId);
  const org = await getOrganisation(ctx.db, ctx.actor.orgId);
  return {
    stage,
    csrfToken,
    idleTimeoutSeconds,
    user: {
      id: user.id,
      displayName: user.display_name,
      email: user.email,
      role: user.role,
      language: user.language,
    },
    organisation: { id: org.id, name: org.name },
    abilities: {
      manageUsers: canManageUsers(ctx.actor),
      viewAudit: canAudit(ctx.actor, 'audit.view'),
      manageOrganisation: ctx.actor.role === 'admin',
    },
  };
}
