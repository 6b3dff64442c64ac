import type { FastifyRequest } from 'fastify';

/**
 * The path a request was routed on: the matched route pattern, or for unmatched requests the decoded path.
 * Never the raw URL: `/%61pi/…` is routed like `/api/…`, so checks on the raw URL could be walked around.
 */
export function routedPath(request: FastifyRequest): string {
  if (request.routeOptions.url) return request.routeOptions.url;
  const raw = request.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return routedPath(request).startsWith('/api/');
}
