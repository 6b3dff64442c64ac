import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/problem.schema.js';
import { problemBody, sendProblem } from './problem.js';
import { BARE_SECURITY_HEADERS } from './security.js';

/**
 * Errors Fastify meets before a route runs: a path with bad percent-encoding, or a path parameter longer
 * than the router takes. Answered like every other error (problem+json, the security headers), without
 * repeating the URL back.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  // This reply skips the onSend hooks that set the security headers: set them here.
  reply.headers(BARE_SECURITY_HEADERS);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(reply, 'uri_too_long');
    return;
  }
  void sendProblem(reply, 'validation_failed', 'The address could not be read', {
    errors: [{ field: 'url', reason: 'malformed', message: 'The address could not be read' }],
  });
}

/**
 * A request Node could not parse (headers too large, a broken request line, a timeout): there is no
 * request object and no hook runs, so we write the problem document and the security headers ourselves.
 * Nothing of the packet is logged; Fastify's default logs the raw bytes (cookie, CSRF token, body) at trace.
 */
export function clientErrorHandler(
  this: { log: { debug: (obj: object, msg: string) => void } },
  err: Error & { code?: string },
  socket: Socket,
): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ clientError: err.code ?? 'unknown' }, 'unreadable request refused');
  if (socket.writable) {
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.write(rawResponse(408, 'Request Timeout', undefined));
    } else {
      const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'validation_failed';
      socket.write(rawResponse(code === 'headers_too_large' ? 431 : 400, undefined, code));
    }
  }
  socket.destroy();
}

function rawResponse(status: number, reason: string | undefined, code: ErrorCode | undefined): string {
  const body = code ? JSON.stringify(problemBody(code)) : '';
  const headers = {
    ...BARE_SECURITY_HEADERS,
    connection: 'close',
    ...(code ? { 'content-type': 'application/problem+json' } : {}),
    'content-length': String(Buffer.byteLength(body)),
  };
  const statusText = reason ?? (status === 431 ? 'Request Header Fields Too Large' : 'Bad Request');
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${statusText}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
