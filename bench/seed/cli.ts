/**
 * `npm run bench:seed -- --contacts 1000000 --orgs 20 --counsellors 5000 --seed 42`
 *
 * Fills the configured database — PostgreSQL (DATABASE_URL, migrations through DATABASE_OWNER_URL) or
 * embedded PGlite (DATA_DIR) — with invented, deterministic helpline data, through the same rules the app
 * applies (see generator.ts). Prints the time taken and rows per second. With `--credentials FILE` it writes
 * the staff sign-in details (e-mail, TOTP secret; password from `--password`) for load tests to that file.
 *
 * On PostgreSQL the organisations are shared out over `--parts` processes (default 2: sealing and hashing
 * are CPU work, and each process has one thread), each writing `--jobs` organisations at a time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { boot } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import type { SeededOrg } from './generator.js';
import { seed, shareOut, timings } from './generator.js';

export const DEFAULT_PASSWORD = 'kitchen table at seven in the evening';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '2000' },
    orgs: { type: 'string', default: '2' },
    counsellors: { type: 'string', default: '100' },
    seed: { type: 'string', default: '42' },
    years: { type: 'string', default: '3' },
    now: { type: 'string' },
    password: { type: 'string', default: DEFAULT_PASSWORD },
    credentials: { type: 'string' },
    profile: { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    parts: { type: 'string', default: '2' },
    // Internal: the organisations one child process makes, and where it writes what it made.
    only: { type: 'string' },
    'result-file': { type: 'string' },
  },
});

const num = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
  return n;
};

const contacts = Math.floor(num('contacts', 0));
const orgCount = Math.floor(num('orgs', 1));
const now = values.now ? new Date(values.now) : new Date();
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const isChild = values.only !== undefined;

/** Runs the share of one child process: the same command line, limited to some organisations. */
function runChild(orgs: number[], resultFile: string): Promise<void> {
  const args = process.argv.slice(1).filter((a, i, all) => a !== '--parts' && all[i - 1] !== '--parts');
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      ...args,
      '--now',
      now.toISOString(),
      '--only',
      orgs.join(','),
      '--result-file',
      resultFile,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`a seeding process failed (${code})`)),
    ),
  );
}

const started = performance.now();
let orgs: SeededOrg[];
const { deps, database } = await boot(config);
const kind = database.kind;
let closed = false;
const close = async () => {
  if (!closed) await database.close();
  closed = true;
};
try {
  const parts = isChild || database.kind !== 'postgres' ? 1 : Math.floor(num('parts', 1));
  if (parts > 1) {
    // Migrated once here; the children start on a ready database.
    await close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-seed-'));
    const shares = shareOut(contacts, orgCount, parts);
    await Promise.all(shares.map((share, k) => runChild(share, path.join(dir, `${k}.json`))));
    orgs = shares.flatMap(
      (_, k) => JSON.parse(fs.readFileSync(path.join(dir, `${k}.json`), 'utf8')) as SeededOrg[],
    );
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    orgs = await seed(deps, {
      dialect: database.kind,
      jobs: Math.floor(num('jobs', 1)),
      contacts,
      orgs: orgCount,
      counsellors: Math.floor(num('counsellors', 0)),
      seed: Math.floor(num('seed', 0)),
      years: num('years', 0.1),
      now,
      passwordHash: await hashPassword(values.password),
      log: (line) => console.log(line),
      ...(values.only !== undefined ? { only: values.only.split(',').map(Number) } : {}),
    });
  }
} finally {
  await close();
}

if (isChild) {
  fs.writeFileSync(values['result-file']!, JSON.stringify(orgs), { mode: 0o600 });
  if (values.profile)
    for (const [k, ms] of Object.entries(timings).sort((a, b) => b[1] - a[1]))
      console.log(`  [${values.only}] write ${k.padEnd(22)} ${(ms / 1000).toFixed(1)} s`);
} else {
  if (kind === 'postgres') {
    // Planner statistics for what was just loaded, as after any bulk load: a production PostgreSQL gets them
    // from autovacuum soon after, but a benchmark must not measure the plans of an unanalysed database (this
    // machine's CI PostgreSQL runs without autovacuum). PGlite analyses grown tables when it opens.
    const analysed = performance.now();
    const client = new pg.Client({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl });
    await client.connect();
    try {
      await client.query('analyze');
    } finally {
      await client.end();
    }
    console.log(`Analysed in ${((performance.now() - analysed) / 1000).toFixed(1)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  const totals: Record<string, number> = {};
  for (const o of orgs) for (const [k, n] of Object.entries(o.counts)) totals[k] = (totals[k] ?? 0) + n;
  const rows = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(`\nSeeded ${orgs.length} organisations on ${kind} in ${seconds.toFixed(1)} s`);
  for (const [k, n] of Object.entries(totals).sort()) console.log(`  ${k.padEnd(24)} ${n}`);
  console.log(
    `  ${'rows'.padEnd(24)} ${rows} (${Math.round(rows / seconds)} rows/s, ` +
      `${Math.round((totals.contacts ?? 0) / seconds)} contacts/s)`,
  );
  if (values.profile)
    for (const [k, ms] of Object.entries(timings).sort((a, b) => b[1] - a[1]))
      console.log(`  write ${k.padEnd(22)} ${(ms / 1000).toFixed(1)} s`);
  if (values.credentials) {
    const out = orgs.map((o) => ({
      organisationId: o.orgId,
      organisation: o.name,
      password: values.password,
      staff: o.staff.map((s) => ({ role: s.role, email: s.email, totpSecret: s.totpSecret })),
    }));
    fs.writeFileSync(values.credentials, JSON.stringify(out, null, 2), { mode: 0o600 });
    console.log(`Sign-in details written to ${values.credentials}`);
  }
}
