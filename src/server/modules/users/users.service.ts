import { randomUUID } from 'node:crypto';
import type { InviteIssued, User, UserInvite, UserUpdate } from '../../../shared/users.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { revokeUserSessions } from '../auth/auth.repository.js';
import { newToken } from '../auth/sessions.service.js';
import { recordAccountEvent } from './account-events.service.js';
import { authorizeUser, isActiveAdmin } from './users.policy.js';
import * as repo from './users.repository.js';

export function toUser(row: repo.UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    language: row.language,
    mfaEnrolled: row.totp_enrolled_at !== null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export interface InviteOptions {
  baseUrl: string;
  validMs: number;
}

export async function listUsers(ctx: Ctx): Promise<{ items: User[] }> {
  authorizeUser(ctx.actor, 'user.list');
  const rows = await repo.listUsers(ctx.db, ctx.actor.orgId);
  return { items: rows.map(toUser) };
}

/** Loads a user of the actor's organisation; another organisation's user is simply not found. */
async function loadUser(ctx: Ctx, id: string) {
  const user = await repo.findUser(ctx.db, id);
  if (!user || user.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such user');
  return user;
}

/** Creates an invited user and a one-time invite link. Only the token's hash is stored. */
export async function inviteUser(ctx: Ctx, input: UserInvite, opts: InviteOptions): Promise<InviteIssued> {
  authorizeUser(ctx.actor, 'user.invite');
  const now = ctx.clock.now();
  const id = randomUUID();
  try {
    await repo.insertUser(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      status: 'invited',
      language: input.language,
      created_at: now,
      updated_at: now,
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('email_taken');
    throw err;
  }
  await audit(ctx, {
    action: 'user.invite',
    entity: 'user',
    entityId: id,
    changedFields: ['email', 'display_name', 'role', 'language', 'status'],
    details: { role: input.role },
  });
  await recordAccountEvent(ctx, { subjectId: id, kind: 'invite', toRole: input.role });
  return issueInvite(ctx, ctx.actor.userId, id, opts);
}

/** A new invite link for a user who has not accepted yet; older links stop working. */
export async function reissueInvite(ctx: Ctx, userId: string, opts: InviteOptions): Promise<InviteIssued> {
  authorizeUser(ctx.actor, 'user.invite');
  const user = await loadUser(ctx, userId);
  if (user.status !== 'invited')
    throw new AppError('conflict', 'This user has already accepted the invitation');
  await repo.revokeOpenInvites(ctx.db, userId, ctx.clock.now());
  await recordAccountEvent(ctx, { subjectId: userId, kind: 'invite', toRole: user.role });
  return issueInvite(ctx, ctx.actor.userId, userId, opts);
}

async function issueInvite(
  ctx: Ctx,
  createdBy: string,
  userId: string,
  opts: InviteOptions,
): Promise<InviteIssued> {
  const now = ctx.clock.now();
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + opts.validMs);
  const inviteId = randomUUID();
  await repo.insertInvite(ctx.db, {
    id: inviteId,
    org_id: ctx.actor.orgId,
    user_id: userId,
    token_hash: hash,
    expires_at: expiresAt,
    created_by: createdBy,
    created_at: now,
  });
  await audit(ctx, { action: 'invite.issue', entity: 'invite', entityId: inviteId, details: { userId } });
  const user = await repo.getUser(ctx.db, userId);
  // The token goes in the fragment: browsers never send it to a server, proxy log or Referer header.
  return {
    user: toUser(user),
    inviteUrl: `${opts.baseUrl}/invite#${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<User> {
  authorizeUser(ctx.actor, 'user.update');
  const user = await loadUser(ctx, id);
  const patch: { display_name?: string; role?: User['role'] } = {};
  if (input.displayName !== undefined && input.displayName !== user.display_name)
    patch.display_name = input.displayName;
  if (input.role !== undefined && input.role !== user.role) patch.role = input.role;
  if (patch.role && isActiveAdmin(user)) {
    if ((await repo.countActiveAdmins(ctx.db, ctx.actor.orgId, id)) === 0) throw new AppError('last_admin');
  }
  const changed = Object.keys(patch);
  if (changed.length) {
    await repo.updateUser(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      changedFields: changed,
      ...(patch.role ? { details: { fromRole: user.role, toRole: patch.role } } : {}),
    });
    if (patch.role)
      await recordAccountEvent(ctx, {
        subjectId: id,
        kind: 'role_change',
        fromRole: user.role,
        toRole: patch.role,
      });
  }
  return toUser(await repo.getUser(ctx.db, id));
}

/** Deactivation ends every session and open invite at once. */
export async function deactivateUser(ctx: Ctx, id: string): Promise<User> {
  authorizeUser(ctx.actor, 'user.deactivate');
  const user = await loadUser(ctx, id);
  if (user.status === 'deactivated') return toUser(user);
  if (isActiveAdmin(user)) {
    if ((await repo.countActiveAdmins(ctx.db, ctx.actor.orgId, id)) === 0) throw new AppError('last_admin');
  }
  const now = ctx.clock.now();
  await repo.updateUser(ctx.db, id, { status: 'deactivated', updated_at: now });
  await revokeUserSessions(ctx.db, id, now);
  await repo.revokeOpenInvites(ctx.db, id, now);
  await audit(ctx, { action: 'user.deactivate', entity: 'user', entityId: id, changedFields: ['status'] });
  return toUser(await repo.getUser(ctx.db, id));
}

export async function reactivateUser(ctx: Ctx, id: string): Promise<User> {
  authorizeUser(ctx.actor, 'user.reactivate');
  const user = await loadUser(ctx, id);
  if (user.status !== 'deactivated') return toUser(user);
  const cred = await repo.findCredentials(ctx.db, id);
  const status = cred?.password_hash ? 'active' : 'invited';
  await repo.updateUser(ctx.db, id, { status, updated_at: ctx.clock.now() });
  await audit(ctx, { action: 'user.reactivate', entity: 'user', entityId: id, changedFields: ['status'] });
  await recordAccountEvent(ctx, { subjectId: id, kind: 'reactivate', toRole: user.role });
  return toUser(await repo.getUser(ctx.db, id));
}

/** Removes the second factor: the user enrols a new one at the next sign-in; all sessions end. */
export async function resetMfa(ctx: Ctx, id: string): Promise<User> {
  authorizeUser(ctx.actor, 'user.reset_mfa');
  const user = await loadUser(ctx, id);
  const now = ctx.clock.now();
  await repo.updateUser(ctx.db, id, {
    totp_secret: null,
    totp_enrolled_at: null,
    totp_last_step: null,
    updated_at: now,
  });
  await revokeUserSessions(ctx.db, id, now);
  await audit(ctx, {
    action: 'user.reset_mfa',
    entity: 'user',
    entityId: id,
    changedFields: ['totp_secret'],
  });
  await recordAccountEvent(ctx, { subjectId: id, kind: 'mfa_reset', toRole: user.role });
  return toUser(await repo.getUser(ctx.db, id));
}
