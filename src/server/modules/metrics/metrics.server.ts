import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Metrics } from './metrics.service.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves `GET /metrics` in Prometheus text format on its own port (METRICS_PORT), apart from the app:
 * bind it to an internal interface, and set METRICS_TOKEN to require `Authorization: Bearer <token>`.
 */
export async function startMetricsServer(
  metrics: Metrics,
  opts: { port: number; host: string; token: string | undefined },
): Promise<{ address: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (opts.token && !sameSecret(auth, `Bearer ${opts.token}`)) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('unauthorised\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, resolve);
  });
  const addr = server.address();
  const address = typeof addr === 'object' && addr ? `http://${opts.host}:${addr.port}` : String(addr);
  return {
    address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
