import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AbsenceCreateSchema,
  AbsenceSchema,
  COUNSELLOR_STATUSES,
  CounsellorProfileSchema,
  CounsellorProfileUpdateSchema,
} from '../../../shared/counsellors.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { CounsellorOptionsSchema } from '../../../shared/work.schema.js';
import * as counsellors from './counsellors.service.js';

const Id = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });
const None = z.null();

/** Counsellor profiles, absences and the list of counsellors to pick from. */
export function counsellorsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tx = <T>(request: Parameters<typeof inActorTx>[1], fn: Parameters<typeof inActorTx<T>>[2]) =>
      inActorTx(deps, request, fn);

    app.get(
      '/api/counsellors',
      {
        config: { access: 'none' },
        schema: {
          tags: ['counsellors'],
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  userId: z.uuid(),
                  name: z.string(),
                  status: z.enum(COUNSELLOR_STATUSES),
                  languages: z.array(z.string()),
                  activeCases: z.number().int(),
                  maxActiveCases: z.number().int(),
                  trained: z.boolean(),
                  vogValid: z.boolean(),
                  available: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => tx(request, (ctx) => counsellors.listCounsellors(ctx)),
    );
    app.get(
      '/api/counsellors/:id',
      {
        config: { access: 'none' },
        schema: { tags: ['counsellors'], params: Id, response: { 200: CounsellorProfileSchema } },
      },
      async (request) => tx(request, (ctx) => counsellors.getProfile(ctx, request.params.id)),
    );
    app.patch(
      '/api/counsellors/:id',
      {
        config: { access: 'none' },
        schema: {
          tags: ['counsellors'],
          params: Id,
          body: CounsellorProfileUpdateSchema,
          response: { 200: CounsellorProfileSchema },
        },
      },
      async (request) =>
        tx(request, (ctx) => counsellors.updateProfile(ctx, request.params.id, request.body)),
    );
    app.get(
      '/api/counsellors/:id/absences',
      {
        config: { access: 'none' },
        schema: {
          tags: ['counsellors'],
          params: Id,
          response: { 200: z.object({ items: z.array(AbsenceSchema) }) },
        },
      },
      async (request) => tx(request, (ctx) => counsellors.listAbsences(ctx, request.params.id)),
    );
    app.post(
      '/api/counsellors/:id/absences',
      {
        config: { access: 'none' },
        schema: { tags: ['counsellors'], params: Id, body: AbsenceCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await tx(request, (ctx) => counsellors.addAbsence(ctx, request.params.id, request.body))),
    );
    app.delete(
      '/api/counsellors/:id/absences/:absenceId',
      {
        config: { access: 'none' },
        schema: {
          tags: ['counsellors'],
          params: z.object({ id: z.uuid(), absenceId: z.uuid() }),
          response: { 204: None },
        },
      },
      async (request, reply) => {
        await tx(request, (ctx) =>
          counsellors.removeAbsence(ctx, request.params.id, request.params.absenceId),
        );
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/counsellors/options',
      {
        config: { access: 'none' },
        schema: { tags: ['counsellors'], response: { 200: CounsellorOptionsSchema } },
      },
      async (request) => tx(request, (ctx) => counsellors.counsellorOptions(ctx)),
    );
  };
}
