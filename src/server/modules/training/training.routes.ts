import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceSchema,
  CourseCreateSchema,
  SessionCreateSchema,
  TrainingOverviewSchema,
} from '../../../shared/training.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as training from './training.service.js';

const Id = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });
const None = z.null();

/** Training: courses, sessions, attendance and each counsellor's record. */
export function trainingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tx = <T>(request: Parameters<typeof inActorTx>[1], fn: Parameters<typeof inActorTx<T>>[2]) =>
      inActorTx(deps, request, fn);

    app.get(
      '/api/training',
      {
        config: { access: 'none' },
        schema: { tags: ['training'], response: { 200: TrainingOverviewSchema } },
      },
      async (request) => tx(request, (ctx) => training.overview(ctx)),
    );
    app.get(
      '/api/training/mine',
      {
        config: { access: 'none' },
        schema: {
          tags: ['training'],
          response: {
            200: z.object({
              trainedUntil: z.string().nullable(),
              completed: z.array(
                z.object({
                  course: z.string(),
                  kind: z.string(),
                  completedOn: z.string(),
                  expiresOn: z.string().nullable(),
                }),
              ),
              upcoming: z.array(
                z.object({
                  id: z.uuid(),
                  courseName: z.string(),
                  startsAt: z.string(),
                  place: z.string(),
                  trainer: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => tx(request, (ctx) => training.mine(ctx)),
    );
    app.post(
      '/api/training/courses',
      {
        config: { access: 'none' },
        schema: { tags: ['training'], body: CourseCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply.code(201).send(await tx(request, (ctx) => training.createCourse(ctx, request.body))),
    );
    app.post(
      '/api/training/sessions',
      {
        config: { access: 'none' },
        schema: { tags: ['training'], body: SessionCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply.code(201).send(await tx(request, (ctx) => training.createSession(ctx, request.body))),
    );
    app.put(
      '/api/training/sessions/:id/attendance',
      {
        config: { access: 'none' },
        schema: { tags: ['training'], params: Id, body: AttendanceSchema, response: { 204: None } },
      },
      async (request, reply) => {
        await tx(request, (ctx) => training.recordAttendance(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );
  };
}
