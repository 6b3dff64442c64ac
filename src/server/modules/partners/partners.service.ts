import { randomUUID } from 'node:crypto';
import type { Partner, PartnerCreate, PartnerQuery, PartnerUpdate } from '../../../shared/partners.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, sealOptional } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { authorizePartner, canPartner } from './partners.policy.js';
import * as repo from './partners.repository.js';

/** The most partners one list returns. */
const LIST_LIMIT = 500;

async function toPartner(
  ctx: Ctx,
  r: NonNullable<Awaited<ReturnType<typeof repo.findPartner>>>,
): Promise<Partner> {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    municipality: r.municipality,
    languages: r.languages,
    secureContact: r.secure_contact,
    contactPerson: await openOptional(ctx, 'partners', 'contact_person', r.id, r.contact_person_enc),
    notes: await openOptional(ctx, 'partners', 'notes', r.id, r.notes_enc),
    active: r.active,
  };
}

/** Case-insensitive substring match on name, municipality and contact person; no wildcards. */
function matches(p: Partner, text: string): boolean {
  const needle = text.toLocaleLowerCase();
  return [p.name, p.municipality, p.contactPerson].some((v) => v.toLocaleLowerCase().includes(needle));
}

export async function listPartners(
  ctx: Ctx,
  q: PartnerQuery,
): Promise<{ items: Partner[]; canManage: boolean }> {
  authorizePartner(ctx.actor, 'partner.list');
  const rows = await repo.listPartners(ctx.db, ctx.actor.orgId, q);
  const partners = await Promise.all(rows.map((r) => toPartner(ctx, r)));
  const found = q.q ? partners.filter((p) => matches(p, q.q!)) : partners;
  return { items: found.slice(0, LIST_LIMIT), canManage: canPartner(ctx.actor, 'partner.manage') };
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
    contact_person_enc: await sealOptional(ctx, 'partners', 'contact_person', id, input.contactPerson),
    notes_enc: await sealOptional(ctx, 'partners', 'notes', id, input.notes),
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
  return toPartner(ctx, (await repo.findPartner(ctx.db, id))!);
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
    ...(input.contactPerson !== undefined
      ? { contact_person_enc: await sealOptional(ctx, 'partners', 'contact_person', id, input.contactPerson) }
      : {}),
    ...(input.notes !== undefined
      ? { notes_enc: await sealOptional(ctx, 'partners', 'notes', id, input.notes) }
      : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  const changed = Object.keys(patch).map((k) => k.replace(/_enc$/, ''));
  if (changed.length) {
    await repo.updatePartner(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, { action: 'partner.update', entity: 'partner', entityId: id, changedFields: changed });
  }
  return toPartner(ctx, (await repo.findPartner(ctx.db, id))!);
}
