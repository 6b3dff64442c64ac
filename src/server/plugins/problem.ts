import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, Problem } from '../../shared/problem.schema.js';
import { AppError, STATUS_BY_CODE, TITLE_BY_CODE } from '../lib/errors.js';
import { isApiRequest, routedPath } from '../lib/route-path.js';

/** Sends an RFC 9457 problem document. Every error response goes through here. */
export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
): FastifyReply {
  const status = STATUS_BY_CODE[code];
  const body: Problem = {
    type: `https://confidant.invalid/problems/${code}`,
    title: TITLE_BY_CODE[code],
    status,
    code,
    ...(detail && detail !== TITLE_BY_CODE[code] ? { detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  };
  if (extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.code(status).header('cache-control', 'no-store').type('application/problem+json').send(body);
}

function toFieldErrors(err: {
  validation: { instancePath: string; keyword: string; message?: string }[];
  validationContext?: string;
}): FieldError[] {
  return err.validation.map((v) => ({
    field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (err.validationContext ?? 'body'),
    reason: v.keyword,
    message: v.message ?? 'invalid',
  }));
}

/** Maps every error to a problem document: known codes as they are, validation with field paths, the rest as 500. */
export function registerProblemHandler(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.code, error.message, {
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, 'validation_failed', undefined, { errors: toFieldErrors(error) });
    }
    if (error.statusCode === 429) {
      const retry = Number(reply.getHeader('retry-after') ?? 60);
      return sendProblem(reply, 'too_many_attempts', undefined, { retryAfterSeconds: retry });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 'payload_too_large');
    if (error.statusCode === 400 || error.statusCode === 415) {
      // Malformed JSON and the like: say what, without echoing the input.
      return sendProblem(reply, 'validation_failed', 'The request body could not be read', {
        errors: [{ field: 'body', reason: 'malformed', message: 'The request body could not be read' }],
      });
    }
    request.log.error(
      { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return sendProblem(reply, 'internal');
  });

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !isApiRequest(request) && !routedPath(request).startsWith('/assets/');
    if (opts.spaFallback && isPage)
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    return sendProblem(reply, 'not_found', 'No such resource');
  });
}
