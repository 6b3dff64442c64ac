/**
 * `npm run bench:seed -- --contacts 1000000 --orgs 20 --counsellors 5000 --seed 42`
 *
 * Fills the configured database — PostgreSQL (DATABASE_URL, migrations through DATABASE_OWNER_URL) or
 * embedded PGlite (DATA_DIR) — with invented, deterministic helpline data, through the same rules the app
 * applies (see generator.ts). Prints the time taken and rows per second. With `--credentials FILE` it writes
 * the staff sign-in details (e-mail, TOTP secret; password from `--password`) for load tests to that file.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { boot } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { seed } from './generator.js';

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
  },
});

const num = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
  return n;
};

const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const { deps, database } = await boot(config);
try {
  const started = performance.now();
  const orgs = await seed(deps, {
    contacts: Math.floor(num('contacts', 0)),
    orgs: Math.floor(num('orgs', 1)),
    counsellors: Math.floor(num('counsellors', 0)),
    seed: Math.floor(num('seed', 0)),
    years: num('years', 0.1),
    now: values.now ? new Date(values.now) : new Date(),
    passwordHash: await hashPassword(values.password),
    log: (line) => console.log(line),
  });
  const seconds = (performance.now() - started) / 1000;
  const totals: Record<string, number> = {};
  for (const o of orgs) for (const [k, n] of Object.entries(o.counts)) totals[k] = (totals[k] ?? 0) + n;
  const rows = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(`\nSeeded ${orgs.length} organisations on ${database.kind} in ${seconds.toFixed(1)} s`);
  for (const [k, n] of Object.entries(totals).sort()) console.log(`  ${k.padEnd(24)} ${n}`);
  console.log(
    `  ${'rows'.padEnd(24)} ${rows} (${Math.round(rows / seconds)} rows/s, ` +
      `${Math.round((totals.contacts ?? 0) / seconds)} contacts/s)`,
  );
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
} finally {
  await database.close();
}
