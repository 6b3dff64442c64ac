import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MunicipalityCreateSchema } from '../../../shared/places.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizePlace } from './places.policy.js';

type Province = z.infer<typeof MunicipalityCreateSchema>['province'];

export async function listMunicipalities(ctx: Ctx) {
  authorizePlace(ctx.actor, 'place.list');
  const rows = await ctx.db
    .selectFrom('municipalities')
    .select(['id', 'name', 'province', 'active'])
    .orderBy('province')
    .orderBy('name')
    .execute();
  return { items: rows.map((r) => ({ ...r, province: r.province as Province })) };
}

export async function createMunicipality(ctx: Ctx, input: z.infer<typeof MunicipalityCreateSchema>) {
  authorizePlace(ctx.actor, 'place.manage');
  const existing = await ctx.db
    .selectFrom('municipalities')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (existing)
    throw new AppError('conflict', 'Already in the list', {
      errors: [{ field: 'name', reason: 'duplicate', message: 'Already in the list' }],
    });
  const id = randomUUID();
  await ctx.db
    .insertInto('municipalities')
    .values({ id, org_id: ctx.actor.orgId, name: input.name, province: input.province, active: true })
    .execute();
  await audit(ctx, {
    action: 'place.create',
    entity: 'municipality',
    entityId: id,
    changedFields: ['name', 'province'],
  });
  return { id, name: input.name, province: input.province, active: true };
}
