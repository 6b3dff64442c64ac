import net from 'node:net';
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
  DATABASE_REPLICA_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MASTER_KEY: z.string().optional(),
  MASTER_KEY_FILE: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  PUBLIC_SITE_ORGANISATION: z.string().optional(),
  TRUST_PROXY: z.string().default('false'),
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
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'a size such as 32MB')
    .default('32MB'),
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
  /** PostgreSQL connections each instance may hold for requests and jobs (and as many to a replica). */
  databasePoolSize: number;
  /** Owner connection used to run migrations; defaults to databaseUrl. */
  databaseOwnerUrl: string | undefined;
  /**
   * shared_buffers of the embedded database. Its buffers live in this process's WebAssembly memory, on top of
   * the operating system's page cache of the same files, so it is kept small by default.
   */
  pgliteSharedBuffers: string;
  /**
   * A streaming replica of the same database, as the same runtime role; reports and dashboards read from it.
   * PostgreSQL only; undefined → they read from the primary.
   */
  databaseReplicaUrl: string | undefined;
  masterKey: string | undefined;
  masterKeyFile: string;
  /** Origin for links in invites and e-mails; required in production, never taken from a forwarded header. */
  publicUrl: string | undefined;
  /** The organisation the public site speaks for (id or name); undefined → the first organisation. */
  publicSiteOrganisation: string | undefined;
  /** Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-* headers count; false → none. */
  trustProxy: string[] | false;
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
  const problems: string[] = [];
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, problems);
  const publicUrl = parsePublicUrl(e.PUBLIC_URL, env.NODE_ENV === 'production', problems);
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    problems.push(
      'DATABASE_REPLICA_URL: a read replica needs PostgreSQL; set DATABASE_URL to the primary as well ' +
        '(the embedded database has no replicas)',
    );
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    masterKey: e.MASTER_KEY,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    publicUrl,
    publicSiteOrganisation: e.PUBLIC_SITE_ORGANISATION?.trim() || undefined,
    trustProxy,
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

// Names proxy-addr (Fastify's trustProxy) understands for the usual private ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY lists the proxies in front of us (`127.0.0.1`, `10.0.0.0/8`, `loopback`, comma-separated).
 * `true` is refused: it would believe any client's X-Forwarded-For, so per-IP throttling of sign-in could be
 * walked around by making up an address on every attempt.
 */
function parseTrustProxy(value: string, problems: string[]): string[] | false {
  const raw = value.trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') {
    problems.push(
      'TRUST_PROXY: "true" would trust an X-Forwarded-For header from anyone; list the addresses of your ' +
        'reverse proxies instead, e.g. TRUST_PROXY=127.0.0.1 or TRUST_PROXY=10.0.0.0/8,loopback',
    );
    return false;
  }
  const entries = raw.split(',').map((s) => s.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry))
      problems.push(
        `TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal`,
      );
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** PUBLIC_URL must be an http(s) origin; in production it must be set (links never follow a request header). */
function parsePublicUrl(
  value: string | undefined,
  production: boolean,
  problems: string[],
): string | undefined {
  if (!value) {
    if (production)
      problems.push(
        'PUBLIC_URL: required with NODE_ENV=production, e.g. PUBLIC_URL=https://hulplijn.example.org ' +
          '(invite links and e-mails point there, never to a host named in a request)',
      );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`PUBLIC_URL: "${value}" is not a URL`);
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search) {
    problems.push('PUBLIC_URL: give the origin (and optional path) only, e.g. https://hulplijn.example.org');
    return undefined;
  }
  return url.href.replace(/\/+$/, '');
}
