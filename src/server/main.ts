import fs from 'node:fs';
import { buildApp } from './app.js';
import { FileOffsetClock, systemClock } from './lib/clock.js';
import { boot } from './boot.js';
import { loadConfig } from './config.js';
import { jobHandlers } from './modules/jobs/handlers.js';
import { startWorker } from './modules/jobs/jobs.worker.js';
import { createMetrics } from './modules/metrics/metrics.service.js';
import { startMetricsServer } from './modules/metrics/metrics.server.js';

/** Reads the configuration, opens the database, serves, and shuts down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // A movable clock exists only for end-to-end tests; production always runs on the system clock.
  const clock =
    config.isTest && process.env.TEST_CLOCK_FILE
      ? new FileOffsetClock(process.env.TEST_CLOCK_FILE, (f) => fs.readFileSync(f, 'utf8'))
      : systemClock;
  const { deps, database } = await boot(config, clock);
  const metrics = config.metricsPort !== undefined ? createMetrics(deps, database) : undefined;
  const app = await buildApp(deps, { databaseKind: database.kind, ...(metrics ? { metrics } : {}) });
  const worker = startWorker(deps, jobHandlers);
  const metricsServer = metrics
    ? await startMetricsServer(metrics, {
        port: config.metricsPort!,
        host: config.metricsHost,
        token: config.metricsToken,
      })
    : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    deps.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await metricsServer?.close();
      await worker.stop();
      await database.close();
      process.exit(0);
    } catch (err) {
      deps.log.error({ err: (err as Error).message }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const ms = Math.round(performance.now() - started);
  deps.log.info(
    { address, database: database.kind, ms, ...(metricsServer ? { metrics: metricsServer.address } : {}) },
    'Confidant is ready',
  );
  process.stdout.write(
    `\n  Confidant is running at ${config.publicUrl ?? address.replace('127.0.0.1', 'localhost')}  (${database.kind}, ready in ${ms} ms)\n\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `\nConfidant could not start:\n  ${err instanceof Error ? err.message : String(err)}\n\n`,
  );
  process.exit(1);
});
