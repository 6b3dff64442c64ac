/**
 * `npm run build:server`: compiles the server (src/server/main.ts and everything it imports) into one ES module,
 * dist/server/main.js, with a source map beside it; npm packages stay imports from node_modules.
 *
 * `npm start`, the end-to-end suite and the benchmarks run this file with plain Node instead of compiling
 * TypeScript as they load it: measured in issue 15, the server then starts in 1.2 s instead of 2.0 s and
 * holds 180 MB instead of 238 MB when idle on PostgreSQL. Tests and `npm run dev` still run the sources.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * The old generation's cap for the compiled server, unless NODE_OPTIONS sets one (an operator who needs more
 * heap raises it there). With it V8 collects before it grows: peak RSS at 1M contacts on PostgreSQL 317–397
 * -> about 200 MB at the same throughput. It is safe because no request can hold much of the heap: bodies
 * are bounded per route and share a budget (src/server/plugins/body-limits.ts; `npm run bench:bodies`).
 */
export const SERVER_HEAP_MB = 256;

/**
 * Node flags for the compiled server: stack traces in TypeScript terms, a young generation of at most 4 MB
 * per semi-space (under 50 connections V8 otherwise grows it to 16 MB per semi-space and the old generation
 * with it: peak RSS on PostgreSQL 378 -> 234 MB at the same throughput), and the old generation capped.
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv): string[] {
  return [
    '--enable-source-maps',
    '--max-semi-space-size=4',
    ...(env.NODE_OPTIONS?.includes('--max-old-space-size') ? [] : [`--max-old-space-size=${SERVER_HEAP_MB}`]),
  ];
}

/**
 * The environment for the compiled server that will run with `env`: glibc's malloc tuned, unless `env` sets
 * the same variables (measured in issue 15 at 100k contacts under 50 connections; bench/results, 2026-12-04).
 *
 * - MALLOC_ARENA_MAX=2: by default every thread that allocates (V8's compiler and GC threads, libuv's pool)
 *   may get an arena of its own that keeps what it once used. Two are plenty for one JavaScript thread on two
 *   cores. On PGlite peak RSS 387–402 -> 360–371 MB; on PostgreSQL 200–208 -> 178–195 MB, same throughput.
 * - On the embedded database only (no DATABASE_URL), MALLOC_MMAP_THRESHOLD_=32768: PGlite's Postgres is
 *   WebAssembly, and V8 compiles its hot functions again with its optimising compiler, whose scratch memory
 *   comes and goes in blocks that glibc otherwise keeps (freed, fragmented, never returned: 80 MB of an idle
 *   server's RSS went back at once on a malloc_trim). Blocks of 32 KB and more are now mapped and returned on
 *   free. Peak RSS 360–371 -> 271–284 MB, throughput unchanged within the noise. On PostgreSQL it cost about
 *   10 % of throughput for under 10 MB, so it is not set there.
 */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    MALLOC_ARENA_MAX: '2',
    ...(env.DATABASE_URL ? {} : { MALLOC_MMAP_THRESHOLD_: '32768' }),
    ...env,
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(root, 'dist/server/main.js');

/** Builds dist/server/main.js from the sources as they are now (a fraction of a second) and returns its path. */
export async function buildServer(): Promise<string> {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return SERVER_BUNDLE;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Built ${path.relative(root, await buildServer())}`);
}
