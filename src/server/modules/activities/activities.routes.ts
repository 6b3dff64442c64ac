import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityCreateSchema,
  ActivityListSchema,
  ActivityQuerySchema,
  ActivityReportSchema,
  ActivitySchema,
  ActivityTaskCreateSchema,
  ActivityTaskUpdateSchema,
  ActivityTypesSchema,
  ActivityUpdateSchema,
  FacilitatorHoursQuerySchema,
  FacilitatorHoursSchema,
  FacilitatorOptionsQuerySchema,
  FacilitatorOptionsSchema,
  RequiredCourseSchema,
  VolunteerRecordSchema,
} from '../../../shared/activities.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as activities from './activities.service.js';
import * as tasks from './activity-tasks.service.js';
import * as facilitators from './facilitators.service.js';
import { volunteerRecord } from './volunteer-record.service.js';

const IdParams = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });

export function activitiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['activities'];
  return async (app) => {
    app.get(
      '/api/activities',
      {
        config: { access: 'none' },
        schema: { tags, querystring: ActivityQuerySchema, response: { 200: ActivityListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => activities.listActivities(ctx, request.query)),
    );
    app.post(
      '/api/activities',
      {
        config: { access: 'none' },
        schema: { tags, body: ActivityCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inActorTx(deps, request, (ctx) =>
              activities.createActivity(ctx, ctx.actor.orgId, request.body),
            ),
          ),
    );
    app.get(
      '/api/activities/types',
      { config: { access: 'none' }, schema: { tags, response: { 200: ActivityTypesSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => facilitators.listActivityTypes(ctx)),
    );
    app.put(
      '/api/activities/types/:id/course',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params: IdParams,
          body: RequiredCourseSchema,
          response: { 200: ActivityTypesSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          facilitators.setRequiredCourse(ctx, request.params.id, request.body.courseId),
        ),
    );
    app.get(
      '/api/activities/facilitator-options',
      {
        config: { access: 'none' },
        schema: {
          tags,
          querystring: FacilitatorOptionsQuerySchema,
          response: { 200: FacilitatorOptionsSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => facilitators.facilitatorOptions(ctx, request.query)),
    );
    app.get(
      '/api/activities/hours/:id',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params: IdParams,
          querystring: FacilitatorHoursQuerySchema,
          response: { 200: FacilitatorHoursSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          facilitators.facilitatorHours(ctx, request.params.id, request.query),
        ),
    );
    app.get(
      '/api/activities/volunteer-record/:id',
      {
        config: { access: 'none' },
        schema: { tags, params: IdParams, response: { 200: VolunteerRecordSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => volunteerRecord(ctx, request.params.id)),
    );
    app.get(
      '/api/activities/:id',
      { config: { access: 'none' }, schema: { tags, params: IdParams, response: { 200: ActivitySchema } } },
      async (request) => inActorTx(deps, request, (ctx) => activities.getActivity(ctx, request.params.id)),
    );
    app.patch(
      '/api/activities/:id',
      {
        config: { access: 'none' },
        schema: { tags, params: IdParams, body: ActivityUpdateSchema, response: { 200: ActivitySchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => activities.updateActivity(ctx, request.params.id, request.body)),
    );
    app.put(
      '/api/activities/:id/report',
      {
        config: { access: 'none' },
        schema: { tags, params: IdParams, body: ActivityReportSchema, response: { 200: ActivitySchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => activities.recordReport(ctx, request.params.id, request.body)),
    );
    app.post(
      '/api/activities/:id/tasks',
      {
        config: { access: 'none' },
        schema: { tags, params: IdParams, body: ActivityTaskCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await inActorTx(deps, request, (ctx) => tasks.addTask(ctx, request.params.id, request.body))),
    );
    app.patch(
      '/api/activities/:id/tasks/:taskId',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params: z.object({ id: z.uuid(), taskId: z.uuid() }),
          body: ActivityTaskUpdateSchema,
          response: { 200: ActivitySchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          tasks.updateTask(ctx, request.params.id, request.params.taskId, request.body.done),
        ),
    );
  };
}
