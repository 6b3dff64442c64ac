import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MunicipalityCreateSchema } from '../../../shared/places.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizePlace } from './places.policy.js';
import * as repo from './places.repository.js';

type Province = z.infer<typeof MunicipalityCreateSchema>['province'];

export async function listMunicipalities(ctx: Ctx) {
  authorizePlace(ctx.actor, 'place.list');
  const rows = await repo.listMunicipalities(ctx.db);
  return { items: rows.map((r) => ({ ...r, province: r.province as Province })) };
}

export async function createMunicipality(ctx: Ctx, input: z.infer<typeof MunicipalityCreateSchema>) {
  authorizePlace(ctx.actor, 'place.manage');
  if (await repo.findMunicipalityByName(ctx.db, input.name))
    throw new AppError('conflict', 'Already in the list', {
      errors: [{ field: 'name', reason: 'duplicate', message: 'Already in the list' }],
    });
  const id = randomUUID();
  await repo.insertMunicipality(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    name: input.name,
    province: input.province,
    active: true,
  });
  await audit(ctx, {
    action: 'place.create',
    entity: 'municipality',
    entityId: id,
    changedFields: ['name', 'province'],
  });
  return { id, name: input.name, province: input.province, active: true };
}
