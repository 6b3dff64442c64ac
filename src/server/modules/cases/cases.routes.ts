import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessReasonSchema,
  AssignSchema,
  CaseDetailSchema,
  CaseIdParamsSchema,
  CaseItemParamsSchema,
  CaseListQuerySchema,
  CasePageSchema,
  CaseUpdateSchema,
  GoalInputSchema,
  GoalUpdateSchema,
  InterventionInputSchema,
  LogEntryInputSchema,
  ObservationInputSchema,
  StatusEventInputSchema,
  SubjectInputSchema,
  TaskInputSchema,
  TaskUpdateSchema,
  TransitionSchema,
} from '../../../shared/cases.schema.js';
import { CasePhoneSchema, CaseReachSchema } from '../../../shared/reach.schema.js';
import { TimelineQuerySchema, TimelineSchema } from '../../../shared/timeline.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as items from './case-items.service.js';
import * as cases from './cases.service.js';
import { assignCounsellor } from './assign-counsellor.js';
import { getCase } from './get-case.js';
import { listCases } from './list-cases.js';
import { transitionCase } from './transition-case.js';
import { updateCase } from './update-case.js';
import * as reach from './reach.service.js';
import * as timeline from './timeline.service.js';

const Created = z.object({ id: z.uuid() });
const NoContent = z.null();

export function casesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['cases'];
  // The reads run in the transaction their session is resolved in (`requestTx`, see plugins/session.ts).
  return async (app) => {
    app.get(
      '/api/cases',
      {
        config: { access: { entity: 'case', purpose: 'list' }, requestTx: true },
        schema: { tags, querystring: CaseListQuerySchema, response: { 200: CasePageSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => listCases(ctx, request.query)),
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'view' }, requestTx: true },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: CaseDetailSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => getCase(ctx, request.params.id)),
    );
    app.get(
      '/api/cases/:id/reach',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'reach' }, requestTx: true },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: CaseReachSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => reach.getReach(ctx, request.params.id)),
    );
    app.get(
      '/api/cases/:id/timeline',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'timeline' }, requestTx: true },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          querystring: TimelineQuerySchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => timeline.getTimeline(ctx, request.params.id, request.query)),
    );
    // A POST, not a GET: revealing the number is a deliberate, logged act (and carries the CSRF token).
    app.post(
      '/api/cases/:id/reach/phone',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'reveal_phone' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: CasePhoneSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => reach.revealPhone(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/access',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'access_granted' } },
        schema: { tags, params: CaseIdParamsSchema, body: AccessReasonSchema, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) =>
          cases.grantAccess(ctx, request.params.id, request.body.reason),
        );
        return reply.code(204).send(null);
      },
    );
    app.patch(
      '/api/cases/:id',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'edit', only: 'denied' } },
        schema: { tags, params: CaseIdParamsSchema, body: CaseUpdateSchema, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) => updateCase(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/cases/:id/assign',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'assign', only: 'denied' } },
        schema: { tags, params: CaseIdParamsSchema, body: AssignSchema, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) => assignCounsellor(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/cases/:id/transition',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'transition', only: 'denied' } },
        schema: { tags, params: CaseIdParamsSchema, body: TransitionSchema, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) => transitionCase(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );

    // Items of a case: each is one small, audited write.
    const add = <S extends z.ZodType>(
      path: string,
      body: S,
      fn: (
        ctx: Parameters<typeof items.addGoal>[0],
        id: string,
        input: z.infer<S>,
      ) => Promise<{ id: string }>,
    ) =>
      app.post(
        `/api/cases/:id/${path}`,
        {
          config: { access: { entity: 'case', param: 'id', purpose: 'edit', only: 'denied' } },
          schema: { tags, params: CaseIdParamsSchema, body, response: { 201: Created } },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(
              await inActorTx(deps, request, (ctx) => fn(ctx, request.params.id, request.body as z.infer<S>)),
            ),
      );
    add('subjects', SubjectInputSchema, items.addSubject);
    add('status-events', StatusEventInputSchema, items.addStatusEvent);
    add('observations', ObservationInputSchema, items.addObservation);
    add('goals', GoalInputSchema, items.addGoal);
    add('log', LogEntryInputSchema, items.addLogEntry);
    add('interventions', InterventionInputSchema, items.addIntervention);
    add('tasks', TaskInputSchema, items.addTask);
    app.patch(
      '/api/cases/:id/goals/:itemId',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'edit', only: 'denied' } },
        schema: { tags, params: CaseItemParamsSchema, body: GoalUpdateSchema, response: { 200: Created } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          items.updateGoal(ctx, request.params.id, request.params.itemId, request.body),
        ),
    );
    app.patch(
      '/api/cases/:id/tasks/:itemId',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'edit', only: 'denied' } },
        schema: { tags, params: CaseItemParamsSchema, body: TaskUpdateSchema, response: { 200: Created } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          items.updateTask(ctx, request.params.id, request.params.itemId, request.body),
        ),
    );
  };
}
