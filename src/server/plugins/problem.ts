import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, Problem } from '../../shared/problem.schema.js';
import { AppError, STATUS_BY_CODE, TITLE_BY_CODE } from '../lib/errors.js';
import { isApiRequest, routedPath } from '../lib/route-path.js';

/** The RFC 9457 problem document for a code; every error answer carries one. */
export function problemBody(
  code: ErrorCode,
  detail?: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
): Problem {
  return {
    type: `https://confidant.invalid/problems/${code}`,
    title: TITLE_BY_CODE[code],
    status: STATUS_BY_CODE[code],
    code,
    ...(detail && detail !== TITLE_BY_CODE[code] ? { detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  };
}

/** Sends an RFC 9457 problem document. Every error response goes through here. */
export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
): FastifyReply {
  const body = problemBody(code, detail, extra);
  if (extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply
    .code(body.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(body);
}

function toFieldErrors(err: {
  validation: { instancePath: string; keyword: string; message?: string; params?: unknown }[];
  validationContext?: string;
}): FieldError[] {
  return err.validation.map((v) => ({
    field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (err.validationContext ?? 'body'),
    reason: namedReason(v.params) ?? v.keyword,
    message: v.message ?? 'invalid',
  }));
}

/** A refinement's own reason (`params: { reason }`, e.g. `invalid_characters` from the shared Text type). */
function namedReason(params: unknown): string | undefined {
  const reason = (params as { params?: { reason?: unknown } } | undefined)?.params?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/**
 * A write that row-level security refused: the row belongs to another organisation. It must look exactly
 * like a missing record (a 500 here would tell the caller that the id exists somewhere).
 */
export function isRowSecurityViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return (
    e.code === '42501' ||
    (typeof e.message === 'string' && e.message.includes('violates row-level security policy'))
  );
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
    if (isRowSecurityViolation(error)) {
      // Logged without the statement or values: only that it happened, and where.
      request.log.warn({ sqlstate: error.code }, 'row-level security refused a statement; answered 404');
      return sendProblem(reply, 'not_found', 'No such resource');
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
