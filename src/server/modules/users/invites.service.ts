import type { InviteAccept } from '../../../shared/auth.schema.js';
import type { Db } from '../../db/database.js';
import { inOrg } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { checkPassword, hashPassword } from '../auth/password.js';
import { createSession, hashToken } from '../auth/sessions.service.js';
import { getOrganisation } from '../organisations/organisations.repository.js';
import * as repo from './users.repository.js';

/** Finds a usable invite by its token, or throws invite_invalid (unknown, used, revoked or expired alike). */
async function loadInvite(deps: Deps, db: Db, token: string) {
  const found = await repo.findInviteByTokenHash(deps.db, hashToken(token));
  if (!found) throw new AppError('invite_invalid');
  return found;
}

function assertUsable(invite: Awaited<ReturnType<typeof repo.findInvite>>, now: Date) {
  if (!invite || invite.used_at || invite.revoked_at || invite.expires_at <= now)
    throw new AppError('invite_invalid');
  return invite;
}

/** What the invite page shows before the user picks a password. */
export async function inspectInvite(deps: Deps, token: string) {
  const found = await loadInvite(deps, deps.db, token);
  return inOrg(deps.db, found.org_id, async (trx) => {
    const invite = assertUsable(await repo.findInvite(trx, found.invite_id), deps.clock.now());
    const user = await repo.getUser(trx, invite.user_id);
    if (user.status !== 'invited') throw new AppError('invite_invalid');
    const org = await getOrganisation(trx, found.org_id);
    return {
      email: user.email,
      displayName: user.display_name,
      organisationName: org.name,
      role: user.role,
      language: user.language,
    };
  });
}

/** Sets the password, uses up the invite, and starts a session in the enrolment stage. */
export async function acceptInvite(deps: Deps, input: InviteAccept): Promise<string> {
  const found = await loadInvite(deps, deps.db, input.token);
  const now = deps.clock.now();
  return inOrg(deps.db, found.org_id, async (trx) => {
    const invite = assertUsable(await repo.findInvite(trx, found.invite_id), now);
    const user = await repo.getUser(trx, invite.user_id);
    if (user.status !== 'invited') throw new AppError('invite_invalid');
    const org = await getOrganisation(trx, found.org_id);
    const weak = checkPassword(input.password, [org.name, user.display_name, user.email]);
    if (weak) throw new AppError('weak_password', weak.message, { errors: [weak] });
    if (!(await repo.useInvite(trx, invite.id, now))) throw new AppError('invite_invalid');
    await repo.updateUser(trx, user.id, {
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
      ...(input.language ? { language: input.language } : {}),
      updated_at: now,
    });
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      orgId: found.org_id,
      role: user.role,
      sessionId: '',
    };
    await audit(
      { db: trx, actor, clock: deps.clock, keyring: deps.keyring },
      { action: 'invite.accept', entity: 'invite', entityId: invite.id, changedFields: ['password'] },
    );
    return createSession(deps, trx, { orgId: found.org_id, userId: user.id, stage: 'enrol' });
  });
}
