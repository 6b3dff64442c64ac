import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MunicipalityCreateSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
} from '../../../shared/places.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as places from './places.service.js';

/** Municipalities of the organisation's region. */
export function placesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tx = <T>(request: Parameters<typeof inActorTx>[1], fn: Parameters<typeof inActorTx<T>>[2]) =>
      inActorTx(deps, request, fn);

    app.get(
      '/api/places/municipalities',
      { config: { access: 'none' }, schema: { tags: ['places'], response: { 200: MunicipalityListSchema } } },
      async (request) => tx(request, (ctx) => places.listMunicipalities(ctx)),
    );
    app.post(
      '/api/places/municipalities',
      {
        config: { access: 'none' },
        schema: { tags: ['places'], body: MunicipalityCreateSchema, response: { 201: MunicipalitySchema } },
      },
      async (request, reply) =>
        reply.code(201).send(await tx(request, (ctx) => places.createMunicipality(ctx, request.body))),
    );
  };
}
