import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  InviteAcceptSchema,
  InviteInfoSchema,
  InviteTokenSchema,
  LoginResultSchema,
} from '../../../shared/auth.schema.js';
import {
  InviteIssuedSchema,
  UserIdParamsSchema,
  UserInviteSchema,
  UserListSchema,
  UserSchema,
  UserUpdateSchema,
} from '../../../shared/users.schema.js';
import type { Deps } from '../../lib/deps.js';
import { baseUrl, inActorTx } from '../../lib/request-context.js';
import { setSessionCookie } from '../../plugins/session.js';
import { csrfTokenFor } from '../auth/sessions.service.js';
import { AccountAlertListSchema } from '../../../shared/four-eyes.schema.js';
import { accountAlerts } from './account-events.service.js';
import { acceptInvite, inspectInvite } from './invites.service.js';
import * as users from './users.service.js';

export function usersRoutes(deps: Deps): FastifyPluginAsyncZod {
  const inviteOpts = (request: Parameters<typeof baseUrl>[1]) => ({
    baseUrl: baseUrl(deps, request),
    validMs: deps.config.inviteValidMs,
  });
  const tags = ['users'];
  return async (app) => {
    app.get(
      '/api/users',
      { config: { access: 'none' }, schema: { tags, response: { 200: UserListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => users.listUsers(ctx)),
    );
    app.get(
      '/api/account-alerts',
      { config: { access: 'none' }, schema: { tags, response: { 200: AccountAlertListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => accountAlerts(ctx)),
    );
    app.post(
      '/api/users',
      {
        config: { access: 'none' },
        schema: { tags, body: UserInviteSchema, response: { 201: InviteIssuedSchema } },
      },
      async (request, reply) => {
        const issued = await inActorTx(deps, request, (ctx) =>
          users.inviteUser(ctx, request.body, inviteOpts(request)),
        );
        return reply.code(201).send(issued);
      },
    );
    app.patch(
      '/api/users/:id',
      {
        config: { access: 'none' },
        schema: { tags, params: UserIdParamsSchema, body: UserUpdateSchema, response: { 200: UserSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => users.updateUser(ctx, request.params.id, request.body)),
    );
    app.post(
      '/api/users/:id/deactivate',
      {
        config: { access: 'none' },
        schema: { tags, params: UserIdParamsSchema, response: { 200: UserSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => users.deactivateUser(ctx, request.params.id)),
    );
    app.post(
      '/api/users/:id/reactivate',
      {
        config: { access: 'none' },
        schema: { tags, params: UserIdParamsSchema, response: { 200: UserSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => users.reactivateUser(ctx, request.params.id)),
    );
    app.post(
      '/api/users/:id/reset-mfa',
      {
        config: { access: 'none' },
        schema: { tags, params: UserIdParamsSchema, response: { 200: UserSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => users.resetMfa(ctx, request.params.id)),
    );
    app.post(
      '/api/users/:id/invite',
      {
        config: { access: 'none' },
        schema: { tags, params: UserIdParamsSchema, response: { 201: InviteIssuedSchema } },
      },
      async (request, reply) => {
        const issued = await inActorTx(deps, request, (ctx) =>
          users.reissueInvite(ctx, request.params.id, inviteOpts(request)),
        );
        return reply.code(201).send(issued);
      },
    );

    const publicLimited = { auth: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
    app.post(
      '/api/invites/inspect',
      {
        config: { ...publicLimited, access: 'none' },
        schema: { tags: ['invites'], body: InviteTokenSchema, response: { 200: InviteInfoSchema } },
      },
      async (request) => inspectInvite(deps, request.body.token),
    );
    app.post(
      '/api/invites/accept',
      {
        config: { ...publicLimited, access: 'none' },
        schema: { tags: ['invites'], body: InviteAcceptSchema, response: { 200: LoginResultSchema } },
      },
      async (request, reply) => {
        const token = await acceptInvite(deps, request.body);
        setSessionCookie(request, reply, token);
        return { stage: 'enrol' as const, csrfToken: csrfTokenFor(deps, token) };
      },
    );
  };
}
