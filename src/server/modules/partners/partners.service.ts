import { randomUUID } from 'node:crypto';
import type { Partner, PartnerCreate, PartnerQuery, PartnerUpdate } from '../../../shared/partners.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizePartner, canPartner } from './partners.policy.js';
import * as repo from './partners.repository.js';

function toPartner(r: NonNullable<Awaited<ReturnType<typeof repo.findPartner>>>): Partner {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    municipality: r.municipality,
    languages: r.languages,
    secureContact: r.secure_contact,
    contactPerson: r.contact_person,
    notes: r.notes,
    active: r.active,
  };
}

export async function listPartners(
  ctx: Ctx,
  q: PartnerQuery,
): Promise<{ items: Partner[]; canManage: boolean }> {
  authorizePartner(ctx.actor, 'partner.list');
  const rows = await repo.listPartners(ctx.db, ctx.actor.orgId, q);
  return { items: rows.map(toPartner), canManage: canPartner(ctx.actor, 'partner.manage') };
}

export async function createPartner(ctx: Ctx, input: PartnerCreate): Promise<Partner> {
  authorizePartner(ctx.actor, 'partner.manage');
  const id = randomUUID();
  const now = ctx.clock.now();
  await repo.insertPartner(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    name: input.name,
    type: input.type,
    municipality: input.municipality,
    languages: input.languages,
    secure_contact: input.secureContact,
    contact_person: input.contactPerson,
    notes: input.notes,
    created_at: now,
    updated_at: now,
  });
  await audit(ctx, {
    action: 'partner.create',
    entity: 'partner',
    entityId: id,
    changedFields: Object.keys(input),
    details: { type: input.type },
  });
  return toPartner((await repo.findPartner(ctx.db, id))!);
}

/** Edits or retires a partner; retired partners stay for the history of referrals made to them. */
export async function updatePartner(ctx: Ctx, id: string, input: PartnerUpdate): Promise<Partner> {
  authorizePartner(ctx.actor, 'partner.manage');
  const existing = await repo.findPartner(ctx.db, id);
  if (!existing || existing.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such partner');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.municipality !== undefined ? { municipality: input.municipality } : {}),
    ...(input.languages !== undefined ? { languages: input.languages } : {}),
    ...(input.secureContact !== undefined ? { secure_contact: input.secureContact } : {}),
    ...(input.contactPerson !== undefined ? { contact_person: input.contactPerson } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  const changed = Object.keys(patch);
  if (changed.length) {
    await repo.updatePartner(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, { action: 'partner.update', entity: 'partner', entityId: id, changedFields: changed });
  }
  return toPartner((await repo.findPartner(ctx.db, id))!);
}
