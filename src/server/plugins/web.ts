import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The checkout's root: the nearest folder above this module with a package.json (from the sources or the build). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const WEB_DIST = path.join(projectRoot(), 'dist/web');

/**
 * Serves the built web app from dist/web, brotli- or gzip-compressed as built. Hashed assets are cached for a
 * year; index.html never is, and it answers every other non-API path so the client router can draw its page (including its 404 page).
 */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn({ dir: WEB_DIST }, 'web app not built; run `npm run build:web`');
    return false;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    // The build writes .br and .gz next to each asset; the client's Accept-Encoding picks one.
    preCompressed: true,
    setHeaders(reply, file) {
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}
