import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { queueStats } from './metrics.repository.js';

/**
 * Prometheus metrics of one app instance: request rates and latencies per route pattern (never a concrete
 * URL, so no id or search text ends up in a label), job queue depth, database pool use, and the process.
 */
export interface Metrics {
  registry: Registry;
  /** Records every request of the app from now on. */
  instrument(app: FastifyInstance): void;
}

export function createMetrics(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  database: Pick<Database, 'poolStats' | 'kind'>,
): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ database: database.kind });
  collectDefaultMetrics({ register: registry, prefix: 'confidant_' });

  const requests = new Counter({
    name: 'confidant_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'confidant_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'confidant_jobs',
    help: 'Jobs in the queue: due and waiting, running, failed for good',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        const stats = await queueStats(deps.db, deps.clock.now());
        this.set({ state: 'due' }, stats.due);
        this.set({ state: 'running' }, stats.running);
        this.set({ state: 'failed' }, stats.failed);
      } catch (err) {
        deps.log.warn({ err: (err as Error).message }, 'could not read the job queue for metrics');
      }
    },
  });
  if (database.poolStats) {
    const poolStats = database.poolStats;
    new Gauge({
      name: 'confidant_db_pool_connections',
      help: 'Database pool connections: total open, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  return {
    registry,
    instrument(app) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        const labels = { method: request.method, route };
        latency.observe(labels, reply.elapsedTime / 1000);
        requests.inc({ ...labels, status: `${Math.floor(reply.statusCode / 100)}xx` });
      });
    },
  };
}
