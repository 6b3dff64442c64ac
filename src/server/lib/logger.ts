import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The process logger. Bodies, cookies, headers with secrets and phone numbers are never logged: requests are
 * serialised to method, route and status only, and known sensitive keys are redacted wherever they appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'rawPacket',
          '*.rawPacket',
          '*.password',
          '*.newPassword',
          '*.currentPassword',
          '*.token',
          '*.code',
          '*.phone',
          '*.email',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string }; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          // The route pattern (/api/users/:id), never the raw URL with its query string.
          route: req.routeOptions?.url ?? 'unmatched',
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        // Name, code, message and stack only. An error can carry the request it came from: Node's parser
        // errors hold the raw packet (cookie, CSRF token, body) in `rawPacket`, other errors hold bodies.
        err: (err: { name?: string; code?: unknown; message?: string; stack?: string }) => ({
          type: err?.name,
          code: typeof err?.code === 'string' ? err.code : undefined,
          message: err?.message,
          stack: err?.stack,
        }),
      },
    },
    destination,
  );
}
