import { randomUUID } from 'node:crypto';
import type { Setup } from '../../../shared/auth.schema.js';
import type { Kysely } from 'kysely';
import { setOrg } from '../../db/database.js';
import { seedMunicipalities } from '../places/places.seed.js';
import { seedTaxonomies } from '../taxonomies/taxonomies.seed.js';
import { seedKnowledge } from '../knowledge/knowledge.seed.js';
import { seedPublicPages } from '../public-site/public-site.seed.js';
import type { Actor } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { checkPassword, hashPassword } from '../auth/password.js';
import { createSession } from '../auth/sessions.service.js';
import {
  claimInstallation,
  isInstalled,
  insertOrganisation,
} from '../organisations/organisations.repository.js';
import * as users from '../users/users.repository.js';

export async function setupNeeded(deps: Deps): Promise<boolean> {
  return !(await isInstalled(deps.db));
}

/**
 * First-run set-up: the organisation, its data key and its first admin, in one transaction. Only the first
 * caller wins; the admin must enrol a second factor before anything else.
 */
export async function runSetup(deps: Deps, input: Setup): Promise<string> {
  const weak = checkPassword(input.password, [input.organisationName, input.adminName, input.email]);
  if (weak) throw new AppError('weak_password', weak.message, { errors: [weak] });
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const orgId = randomUUID();
  const userId = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await claimInstallation(trx, now))) throw new AppError('setup_done');
    await setOrg(trx, orgId);
    await insertOrganisation(trx, {
      id: orgId,
      name: input.organisationName,
      default_language: input.language,
      now,
    });
    await deps.keyring.createOrgKey(trx, orgId, now);
    await seedTaxonomies(trx as unknown as Kysely<unknown>, orgId, now);
    await seedMunicipalities(trx as unknown as Kysely<unknown>, orgId);
    await seedKnowledge(trx as unknown as Kysely<unknown>, orgId, now);
    await seedPublicPages(trx as unknown as Kysely<unknown>, orgId, now);
    await users.insertUser(trx, {
      id: userId,
      org_id: orgId,
      email: input.email,
      display_name: input.adminName,
      role: 'admin',
      status: 'invited',
      language: input.language,
      password_hash: passwordHash,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    const actor: Actor = { kind: 'user', userId, orgId, role: 'admin', sessionId: '' };
    const ctx = { db: trx, actor, clock: deps.clock, keyring: deps.keyring };
    await audit(ctx, {
      action: 'organisation.create',
      entity: 'organisation',
      entityId: orgId,
      changedFields: ['name'],
    });
    await audit(ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: userId,
      changedFields: ['email', 'display_name', 'role', 'password'],
      details: { role: 'admin' },
    });
    return createSession(deps, trx, { orgId, userId, stage: 'enrol' });
  });
}
