import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database, DB } from './database.js';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparedStatements } from './prepared.js';

export const EMBEDDED_APP_ROLE = 'confidant_app';
const INT8_OID = 20;
const DATE_OID = 1082;

// Counters and sequence numbers fit comfortably in a double; return numbers on both drivers.
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
// Calendar dates stay 'YYYY-MM-DD' strings: no time zone can shift them.
pg.types.setTypeParser(DATE_OID, (v) => v);
const PGLITE_PARSERS = { [INT8_OID]: (v: string) => Number(v), [DATE_OID]: (v: string) => v };

type OpenConfig = Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseOwnerUrl'> &
  Partial<Pick<Config, 'databaseReplicaUrl' | 'databasePoolSize' | 'pgliteSharedBuffers'>>;

/**
 * PGlite's Postgres allocates shared_buffers inside the process's WebAssembly memory and touches all of it at
 * start: at PostgreSQL's default of 128MB that is ~130 MB of resident memory more than at 32MB (measured in
 * issue 15), for buffers that mostly duplicate the operating system's page cache of the same data files.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters with our shared_buffers. */
function pgliteStartParams(sharedBuffers: string): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`];
}

/** How the replica's connections show in pg_stat_activity (and in the replica's logs). */
export const REPLICA_APPLICATION_NAME = 'confidant-replica';

/** Opens the database the configuration names, migrates it, and checks the runtime role is unprivileged. */
export async function openDatabase(config: OpenConfig, log: Logger): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config, log)
    : await openEmbedded(config.dataDir, log, config.pgliteSharedBuffers ?? PGLITE_SHARED_BUFFERS);
  try {
    await assertUnprivileged(database.db);
    // Reports read there under row-level security too: the replica's role must be just as unprivileged.
    if (database.replica) await assertUnprivileged(database.replica);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** After a compromised lock, proper-lockfile has already let go: releasing it again is not an error. */
function tolerant(release: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await release();
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERELEASED') throw err;
    }
  };
}

/**
 * The lock file is refreshed every 5 s and counts as abandoned after 15 s. If the event loop stalls past that
 * (a busy machine), proper-lockfile's default throws from a timer and kills the process; we log it instead and
 * keep the lock: this process still holds the database open, and a second process is refused while we refresh.
 */
function lockOptions(lockfilePath: string, log: Logger): lockfile.LockOptions {
  return {
    stale: 15_000,
    update: 5_000,
    lockfilePath,
    onCompromised: (err) =>
      log.error({ err: err.message }, 'the embedded database lock could not be refreshed'),
  };
}

interface LockOwner {
  pid: number;
  host: string;
  boot: string;
}

/** This machine's boot: a pid only names the same process on the same host since the same boot. */
function bootId(): string {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return String(Math.round(Date.now() / 1000 - os.uptime()));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Whether the recorded holder of the lock is certainly dead (same host and boot, no such process). */
function holderIsDead(ownerFile: string): boolean {
  let owner: LockOwner;
  try {
    owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as LockOwner;
  } catch {
    return false;
  }
  if (owner.host !== os.hostname() || owner.boot !== bootId() || !Number.isInteger(owner.pid)) return false;
  return owner.pid !== process.pid && !isAlive(owner.pid);
}

/**
 * Takes the embedded database's lock. A lock whose holder was killed (kill -9, a crash) would otherwise be
 * refused until it goes stale (15 s): the holder's pid, host and boot are recorded beside it, and a lock
 * whose holder is certainly gone is taken over at once. A live holder, or one on another host, still wins.
 */
async function lockEmbedded(dataDir: string, log: Logger): Promise<() => Promise<void>> {
  const pgdata = path.join(dataDir, 'pgdata');
  const lockfilePath = path.join(dataDir, 'pgdata.lock');
  const ownerFile = path.join(dataDir, 'pgdata.lock.owner');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(pgdata, lockOptions(lockfilePath, log));
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED' || !holderIsDead(ownerFile)) throw err;
    log.warn('the previous holder of the embedded database lock is gone; taking the lock over');
    fs.rmSync(lockfilePath, { recursive: true, force: true });
    release = await lockfile.lock(pgdata, lockOptions(lockfilePath, log));
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), boot: bootId() };
  fs.writeFileSync(ownerFile, JSON.stringify(owner), { mode: 0o600 });
  return tolerant(async () => {
    fs.rmSync(ownerFile, { force: true });
    await release();
  });
}

/**
 * PGlite has no autovacuum: without this, its tables are never analysed and the planner guesses their sizes
 * (issue 15: a first page of 12,000 cases took 180 ms of CPU per request at 100,000 contacts, against 4 ms on
 * an analysed PostgreSQL). At every start, as the owner, every table that holds data but was never analysed,
 * or has grown by more than a fifth (and ten pages) since, is analysed: 4-5 s for all tables at 100,000
 * contacts, nothing on a start where no table grew. A server that runs for months gets fresh statistics at
 * its restarts.
 */
async function analyseGrownTables(ownerDb: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and (pg_relation_size(c.oid) > 0 and c.reltuples < 0
        or pg_relation_size(c.oid) / 8192 > c.relpages * 1.2 + 10)
    order by 1`.execute(ownerDb);
  const names = rows.map((r) => r.name);
  if (names.length) await sql`analyze ${sql.join(names.map((n) => sql.id(n)))}`.execute(ownerDb);
  return names;
}

/** Embedded PGlite under `dataDir/pgdata`, guarded by a lock file: two processes on one directory corrupt it. */
async function openEmbedded(dataDir: string, log: Logger, sharedBuffers: string): Promise<Database> {
  const pgdata = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  let unlock: () => Promise<void>;
  try {
    unlock = await lockEmbedded(dataDir, log);
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') {
      throw new Error(
        `The embedded database in ${pgdata} is already opened by another Confidant process. ` +
          'Stop that process first (two processes on one embedded database would corrupt it), ' +
          'or use PostgreSQL (DATABASE_URL) to run several instances.',
        { cause: err },
      );
    }
    throw err;
  }
  try {
    const startParams = pgliteStartParams(sharedBuffers);
    const owner = await PGlite.create(pgdata, { relaxedDurability: false, startParams });
    try {
      const ownerDb = new Kysely<unknown>({ dialect: new PGliteDialect(owner) });
      const applied = await migrateToLatest(ownerDb);
      if (applied.length) log.info({ applied }, 'migrations applied');
      await sql`
        do $$ begin
          if not exists (select 1 from pg_roles where rolname = ${sql.lit(EMBEDDED_APP_ROLE)}) then
            create role ${sql.id(EMBEDDED_APP_ROLE)} login nosuperuser nobypassrls nocreatedb nocreaterole;
          end if;
        end $$`.execute(ownerDb);
      await sql`grant confidant_runtime to ${sql.id(EMBEDDED_APP_ROLE)}`.execute(ownerDb);
      const analysed = await analyseGrownTables(ownerDb);
      if (analysed.length) log.info({ tables: analysed }, 'planner statistics refreshed');
    } finally {
      await owner.close();
    }
    const app = await PGlite.create(pgdata, {
      username: EMBEDDED_APP_ROLE,
      relaxedDurability: false,
      startParams,
      parsers: PGLITE_PARSERS,
    });
    // The runtime role reaches PGlite through node-postgres, over PGlite's own wire-protocol adapter, and so
    // through the same named prepared statements as on PostgreSQL (`prepared.ts`): a repeated statement is
    // parsed, checked against row-level security and planned once, not on every request. Its one backend is
    // one pooled client; the pool keeps it (no idle time-out) and queues every other query and transaction
    // behind the current one, as PGliteDialect does for the owner.
    const pool = new pg.Pool({ ...createPgConfig(app), max: 1, idleTimeoutMillis: 0 });
    pool.on('error', (err) => log.warn({ err: err.message }, 'the embedded database connection failed'));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements(pool) }) });
    let closed = false;
    return {
      db,
      kind: 'pglite',
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
        await app.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** PostgreSQL: migrate through the owner connection, then serve through the unprivileged DATABASE_URL. */
async function openPostgres(config: OpenConfig, log: Logger): Promise<Database> {
  const appUrl = config.databaseUrl!;
  const ownerUrl = config.databaseOwnerUrl ?? appUrl;
  const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  ownerPool.on('error', (err) => log.warn({ err: err.message }, 'an idle owner connection failed'));
  const ownerDb = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  try {
    const applied = await migrateToLatest(ownerDb);
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (ownerUrl !== appUrl) await provisionAppRole(ownerDb, appUrl, log);
  } finally {
    await ownerDb.destroy();
  }
  const max = config.databasePoolSize ?? 10;
  const pool = new pg.Pool({ connectionString: appUrl, max, idleTimeoutMillis: 30_000 });
  // An idle connection cut by the server (restart, fail-over) must not crash the process: the pool replaces it.
  pool.on('error', (err) => log.warn({ err: err.message }, 'an idle database connection failed'));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements(pool) }) });
  const replica = config.databaseReplicaUrl ? openReplica(config.databaseReplicaUrl, max, log) : undefined;
  return {
    db,
    ...(replica ? { replica } : {}),
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await Promise.all([db.destroy(), replica?.destroy()]);
    },
  };
}

/**
 * The read replica: a second pool, on a hot standby of the same database, as the same runtime role. Nothing
 * is migrated there (the primary's migrations arrive by replication); it only ever runs read-only transactions.
 */
function openReplica(url: string, max: number, log: Logger): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    application_name: REPLICA_APPLICATION_NAME,
  });
  pool.on('error', (err) => log.warn({ err: err.message }, 'an idle replica connection failed'));
  log.info('reports and dashboards read from the replica (DATABASE_REPLICA_URL)');
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements(pool) }) });
}

/** Creates the login role named in DATABASE_URL if the owner may, and makes it a member of the runtime role. */
async function provisionAppRole(ownerDb: Kysely<unknown>, appUrl: string, log: Logger): Promise<void> {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  if (!role) return;
  const password = url.password ? decodeURIComponent(url.password) : null;
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(ownerDb);
  try {
    if (!exists.rows[0]?.n) {
      await sql`create role ${sql.id(role)} login nosuperuser nobypassrls nocreatedb nocreaterole ${
        password ? sql`password ${sql.lit(password)}` : sql``
      }`.execute(ownerDb);
      log.info({ role }, 'created the runtime database role');
    }
    await sql`grant confidant_runtime to ${sql.id(role)}`.execute(ownerDb);
  } catch (err) {
    log.warn(
      { role, err: (err as Error).message },
      'could not provision the runtime role; expecting a DBA to have done it',
    );
  }
}

/**
 * Refuses to run as a role that could see past row-level security: a superuser, a BYPASSRLS role, or the
 * owner of any table.
 */
export async function assertUnprivileged(db: Kysely<DB>): Promise<void> {
  // Every role whose privileges the current user has (itself and what it inherits), checked together.
  const { rows } = await sql<{ role: string; super: boolean; bypass: boolean; owned: number }>`
    select current_user as role,
      bool_or(r.rolsuper) as super,
      bool_or(r.rolbypassrls) as bypass,
      (select count(*)::int from pg_tables t
        where t.schemaname = 'public' and pg_has_role(current_user, t.tableowner, 'USAGE')) as owned
    from pg_roles r where pg_has_role(current_user, r.oid, 'USAGE')`.execute(db);
  const me = rows[0];
  if (!me) throw new Error('Cannot read the database role');
  const problems = [
    me.super && 'is (or inherits) a superuser',
    me.bypass && 'has (or inherits) BYPASSRLS',
    me.owned > 0 && `owns (or inherits ownership of) ${me.owned} table(s)`,
  ].filter(Boolean);
  if (problems.length) {
    throw new Error(
      `Refusing to start: the database role "${me.role}" ${problems.join(', ')}, so row-level security would not ` +
        'protect one organisation from another. Set DATABASE_OWNER_URL to the owner connection (used for ' +
        'migrations only) and DATABASE_URL to an unprivileged role, e.g. postgres://confidant_app:secret@host/db.',
    );
  }
}

/**
 * An owner connection for maintenance commands (audit verification across organisations, key rotation).
 * For the embedded database this takes the same lock as the server: stop the server first.
 */
export async function openOwnerDatabase(config: OpenConfig, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl, max: 1 });
    pool.on('error', (err) => log.warn({ err: err.message }, 'an idle owner connection failed'));
    const ownerDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(ownerDb as unknown as Kysely<unknown>);
    return { db: ownerDb, kind: 'postgres', close: () => ownerDb.destroy() };
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  // Never create a database here: a command pointed at the wrong (or a removed) directory must say so.
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION')))
    throw new Error(`No embedded database in ${pgdata} (check DATA_DIR)`);
  let unlock: () => Promise<void>;
  try {
    unlock = await lockEmbedded(config.dataDir, log);
  } catch {
    throw new Error(`The embedded database in ${pgdata} is in use: stop the Confidant server first.`);
  }
  let owner: PGlite;
  try {
    owner = await PGlite.create(pgdata, { relaxedDurability: false, parsers: PGLITE_PARSERS });
  } catch (err) {
    await unlock();
    throw new Error(`Cannot open the embedded database in ${pgdata}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(owner) });
  log.debug('opened the embedded database as owner');
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await owner.close();
      await unlock();
    },
  };
}
