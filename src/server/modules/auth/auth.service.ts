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
import { getOrganisation } from '../organisations/organisations.repository.js';
import * as users from '../users/users.repository.js';
import * as repo from './auth.repository.js';
import { burnVerifyTime, checkPassword, hashPassword, verifyPassword } from './password.js';
import { knownDevice, newDeviceToken } from './device.js';
import { createSession, csrfTokenFor, type ResolvedSession } from './sessions.service.js';
import { assertNotBlocked, clearFailures, countAttempt, recordFailure, RULES } from './throttle.js';
import { groupKey, newTotpSecret, otpauthUri, verifyTotp } from './totp.js';
import { abilitiesOf } from './abilities.js';

export interface Issued {
  token: string;
  result: LoginResult;
  /** A fresh known-device token, after a full sign-in. */
  device?: string;
}

const TOTP_FIELD = { table: 'users', column: 'totp_secret' } as const;

function issued(deps: Deps, token: string, stage: SessionStage): Issued {
  return { token, result: { stage, csrfToken: csrfTokenFor(deps, token) } };
}

/** The throttling keys of one sign-in attempt (keyed hashes: the database holds no address or IP). */
function loginKeys(deps: Deps, email: string, ip: string, device: string | undefined) {
  const key = (v: string) => deps.keyring.systemHmac('throttle', v);
  return {
    pair: key(`pair:${email}|${ip}`),
    address: key(`account:${email}`),
    ip: key(`ip:${ip}`),
    device: device ? key(`device:${device}|${email}`) : undefined,
  };
}

/**
 * Password step of sign-in. The same error, after the same work, whether the address is unknown, the
 * password wrong or the account deactivated.
 *
 * Throttling cannot be turned against the real user: failures block the address-and-IP pair that made them;
 * the address as a whole (many IPs) is blocked only for unknown devices, so a browser that completed a full
 * sign-in before (a signed device cookie) still gets in, throttled only by its own failures.
 *
 * One address may have an account in several organisations: every candidate's password hash is checked, in
 * parallel so the time hardly depends on how many there are; the most recently used account whose password
 * matches is signed in.
 */
export async function login(deps: Deps, input: Login, ip: string, deviceToken?: string): Promise<Issued> {
  const now = deps.clock.now();
  const device = knownDevice(deps, deviceToken, input.email);
  const keys = loginKeys(deps, input.email, ip, device);
  if (keys.device) await assertNotBlocked(deps.db, keys.device, now);
  else {
    await assertNotBlocked(deps.db, keys.ip, now);
    await assertNotBlocked(deps.db, keys.pair, now);
    await assertNotBlocked(deps.db, keys.address, now);
  }

  const found = await repo.findLogins(deps.db, input.email);
  const creds = await Promise.all(
    found.map((f) => inOrg(deps.db, f.orgId, (trx) => users.findCredentials(trx, f.userId))),
  );
  const usable = creds.filter(
    (c): c is NonNullable<typeof c> & { password_hash: string } =>
      c?.password_hash != null && c.status !== 'deactivated',
  );
  let cred: (typeof usable)[number] | undefined;
  if (usable.length === 0) await burnVerifyTime(input.password);
  else {
    const ok = await Promise.all(usable.map((c) => verifyPassword(c.password_hash, input.password)));
    cred = usable.find((_, i) => ok[i]);
  }

  if (!cred) {
    await recordFailure(deps.db, keys.device ?? keys.pair, RULES.account, now);
    await recordFailure(deps.db, keys.address, RULES.address, now);
    await recordFailure(deps.db, keys.ip, RULES.ip, now);
    throw new AppError('invalid_credentials');
  }
  await clearFailures(deps.db, keys.pair);
  if (keys.device) await clearFailures(deps.db, keys.device);
  const stage: SessionStage = cred.totp_enrolled_at ? 'mfa' : 'enrol';
  const org = cred.org_id;
  const token = await inOrg(deps.db, org, (trx) =>
    createSession(deps, trx, { orgId: org, userId: cred.id, stage }),
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
  const done = await inOrg(deps.db, actor.orgId, async (trx) => {
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
    const ctx = { db: trx, actor, clock: deps.clock, keyring: deps.keyring };
    return { token: await finishSignIn(deps, ctx, session.id), email: cred.email };
  });
  if (!done) throw new AppError('mfa_invalid');
  await clearFailures(deps.db, key);
  return { ...issued(deps, done.token, 'full'), device: newDeviceToken(deps, done.email) };
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
  const done = await inOrg(deps.db, actor.orgId, async (trx) => {
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
    return { token: await finishSignIn(deps, ctx, session.id), email: cred.email };
  });
  if (!done) throw new AppError('mfa_invalid');
  await clearFailures(deps.db, key);
  return { ...issued(deps, done.token, 'full'), device: newDeviceToken(deps, done.email) };
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
    organisation: { id: org.id, name: org.name, demo: org.is_demo, timeZone: org.time_zone },
    abilities: abilitiesOf(ctx.actor),
  };
}
