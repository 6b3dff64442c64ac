import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables with conventional names; every one is optional on a
 * laptop. The README lists them with these defaults.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_OWNER_URL: z.string().optional(),
  MASTER_KEY: z.string().optional(),
  MASTER_KEY_FILE: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  INVITE_VALID_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(72),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(2000),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Confidant <no-reply@localhost>'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16).optional(),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Runtime connection (an unprivileged role); undefined → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** Owner connection used to run migrations; defaults to databaseUrl. */
  databaseOwnerUrl: string | undefined;
  masterKey: string | undefined;
  masterKeyFile: string;
  publicUrl: string | undefined;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  inviteValidMs: number;
  logLevel: string;
  jobsPollMs: number;
  apiRateLimitPerMinute: number;
  /** Port of the Prometheus endpoint; undefined → no metrics server. */
  metricsPort: number | undefined;
  metricsHost: string;
  metricsToken: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  isTest: boolean;
}

/** Reads and validates the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    masterKey: e.MASTER_KEY,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY === 'true',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    inviteValidMs: e.INVITE_VALID_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    jobsPollMs: e.JOBS_POLL_MS,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    metricsToken: e.METRICS_TOKEN,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    isTest: e.NODE_ENV === 'test',
  };
}
