import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AbsenceCreateSchema,
  AbsenceSchema,
  AttendanceSchema,
  COUNSELLOR_STATUSES,
  CounsellorProfileSchema,
  CounsellorProfileUpdateSchema,
  CourseCreateSchema,
  MatchingWeightsSchema,
  MunicipalityCreateSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
  OfferCreateSchema,
  OfferListSchema,
  OfferResponseSchema,
  OfferSchema,
  SessionCreateSchema,
  ShortlistQuerySchema,
  ShortlistSchema,
  WaitingListSchema,
  TrainingOverviewSchema,
} from '../../../shared/counsellors.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as matching from '../matching/matching.service.js';
import * as places from '../places/places.service.js';
import * as training from '../training/training.service.js';
import * as counsellors from './counsellors.service.js';

const Id = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });
const None = z.null();

/** Counsellors, places, matching and training: one plugin, routes grouped by resource. */
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

    app.get(
      '/api/cases/:id/shortlist',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'shortlist' } },
        schema: {
          tags: ['matching'],
          params: Id,
          querystring: ShortlistQuerySchema,
          response: { 200: ShortlistSchema },
        },
      },
      async (request) =>
        tx(request, (ctx) =>
          matching.caseShortlist(ctx, request.params.id, {
            reach: request.query.reach,
            interpreter: request.query.interpreter === 'true',
          }),
        ),
    );
    app.post(
      '/api/cases/:id/waiting-list',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'waiting_list', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: WaitingListSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await tx(request, (ctx) => matching.putOnWaitingList(ctx, request.params.id, request.body))),
    );
    app.get(
      '/api/cases/:id/offers',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'offers' } },
        schema: { tags: ['matching'], params: Id, response: { 200: OfferListSchema } },
      },
      async (request) => tx(request, (ctx) => matching.caseOffers(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/offers',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'offer', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: OfferCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await tx(request, (ctx) => matching.createOffer(ctx, request.params.id, request.body))),
    );
    app.get(
      '/api/offers',
      {
        config: { access: { entity: 'offer', purpose: 'list' } },
        schema: {
          tags: ['matching'],
          response: {
            200: z.object({
              items: z.array(
                OfferSchema.extend({
                  categoryId: z.uuid(),
                  municipality: z.string(),
                  language: z.string(),
                  callerAlias: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => tx(request, (ctx) => matching.myOffers(ctx)),
    );
    app.post(
      '/api/offers/:id/respond',
      {
        config: { access: { entity: 'offer', param: 'id', purpose: 'respond', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: OfferResponseSchema, response: { 204: None } },
      },
      async (request, reply) => {
        await tx(request, (ctx) => matching.respondToOffer(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/matching/weights',
      {
        config: { access: 'none' },
        schema: { tags: ['matching'], response: { 200: MatchingWeightsSchema } },
      },
      async (request) => tx(request, (ctx) => matching.getWeights(ctx)),
    );
    app.put(
      '/api/matching/weights',
      {
        config: { access: 'none' },
        schema: { tags: ['matching'], body: MatchingWeightsSchema, response: { 200: MatchingWeightsSchema } },
      },
      async (request) => tx(request, (ctx) => matching.setWeights(ctx, request.body)),
    );

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
