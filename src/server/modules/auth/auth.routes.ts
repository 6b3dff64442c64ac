import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnrolmentSchema,
  LoginResultSchema,
  LoginSchema,
  MfaVerifySchema,
  PasswordChangeSchema,
  ProfileUpdateSchema,
  SessionInfoSchema,
} from '../../../shared/auth.schema.js';
import type { Deps } from '../../lib/deps.js';
import { AppError } from '../../lib/errors.js';
import { inActorTx } from '../../lib/request-context.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session.js';
import * as auth from './auth.service.js';
import { readDeviceCookie, setDeviceCookie } from './device.js';
import { csrfTokenFor } from './sessions.service.js';

const AUTH_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  const idleSeconds = Math.round(deps.config.sessionIdleMs / 1000);
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'none', auth: 'public', ...AUTH_LIMIT },
        schema: { tags: ['auth'], body: LoginSchema, response: { 200: LoginResultSchema } },
      },
      async (request, reply) => {
        const { token, result } = await auth.login(deps, request.body, request.ip, readDeviceCookie(request));
        setSessionCookie(request, reply, token);
        return result;
      },
    );

    app.post(
      '/api/auth/mfa',
      {
        config: { access: 'none', auth: 'mfa', ...AUTH_LIMIT },
        schema: { tags: ['auth'], body: MfaVerifySchema, response: { 200: SessionInfoSchema } },
      },
      async (request, reply) => {
        const { token, device } = await auth.verifyMfa(deps, request.session!, request.body.code);
        setSessionCookie(request, reply, token);
        if (device) setDeviceCookie(request, reply, device);
        return inActorTx(deps, request, (ctx) =>
          auth.sessionInfo(ctx, 'full', csrfTokenFor(deps, token), idleSeconds),
        );
      },
    );

    app.get(
      '/api/auth/mfa/enrolment',
      {
        config: { access: 'none', auth: 'enrol' },
        schema: { tags: ['auth'], response: { 200: EnrolmentSchema } },
      },
      async (request) => auth.enrolment(deps, request.session!),
    );

    app.post(
      '/api/auth/mfa/enrol',
      {
        config: { access: 'none', auth: 'enrol', ...AUTH_LIMIT },
        schema: { tags: ['auth'], body: MfaVerifySchema, response: { 200: SessionInfoSchema } },
      },
      async (request, reply) => {
        const { token, device } = await auth.confirmEnrolment(deps, request.session!, request.body.code);
        setSessionCookie(request, reply, token);
        if (device) setDeviceCookie(request, reply, device);
        return inActorTx(deps, request, (ctx) =>
          auth.sessionInfo(ctx, 'full', csrfTokenFor(deps, token), idleSeconds),
        );
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { access: 'none', auth: 'public' },
        schema: { tags: ['auth'], response: { 200: SessionInfoSchema } },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new AppError('unauthenticated');
        return inActorTx(deps, request, (ctx) =>
          auth.sessionInfo(ctx, session.stage, csrfTokenFor(deps, session.token), idleSeconds),
        );
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: 'none', auth: 'public' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.session) await inActorTx(deps, request, (ctx) => auth.logout(ctx));
        clearSessionCookie(request, reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'none', ...AUTH_LIMIT },
        schema: { tags: ['auth'], body: PasswordChangeSchema, response: { 200: SessionInfoSchema } },
      },
      async (request, reply) => {
        let token: string;
        try {
          token = await inActorTx(deps, request, (ctx) => auth.changePassword(deps, ctx, request.body));
        } catch (err) {
          if (err instanceof AppError && err.errors?.some((e) => e.reason === 'wrong_password')) {
            await auth.recordPasswordFailure(deps, request.session!.actor.userId);
          }
          throw err;
        }
        setSessionCookie(request, reply, token);
        return inActorTx(deps, request, (ctx) =>
          auth.sessionInfo(ctx, 'full', csrfTokenFor(deps, token), idleSeconds),
        );
      },
    );

    app.patch(
      '/api/me',
      {
        config: { access: 'none' },
        schema: { tags: ['auth'], body: ProfileUpdateSchema, response: { 200: SessionInfoSchema } },
      },
      async (request) => {
        const session = request.session!;
        return inActorTx(deps, request, async (ctx) => {
          await auth.updateProfile(ctx, request.body);
          return auth.sessionInfo(ctx, 'full', csrfTokenFor(deps, session.token), idleSeconds);
        });
      },
    );
  };
}
