/**
 * `npm run demo`: a sandbox to practise on. Makes one demo organisation with a few hundred invented records
 * (the seeded generator of bench/seed: sealed, indexed and audit-chained like real ones) and one account per
 * role, prints their sign-in details once — password, and the second factor as an otpauth:// link and a QR
 * code to scan — and starts the app. Every page of a demo organisation says it is demo data.
 *
 *   npm run demo                 make the demo (if there is none yet) and start the app
 *   npm run demo -- --reset      wipe the demo and make a fresh one (new passwords and codes)
 *   npm run demo -- --no-start   make it, do not start the app
 *
 * It runs on DATA_DIR (embedded PGlite) or DATABASE_URL like the app; without either it keeps its own
 * ./data-demo, apart from ./data. It never touches a database that holds a real (non-demo) organisation.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { seed, type SeededUser } from '../bench/seed/generator.js';
import { boot } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { inOrg } from '../src/server/db/database.js';
import { openOwnerDatabase } from '../src/server/db/open.js';
import { createLogger } from '../src/server/lib/logger.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import { groupKey, newTotpSecret, otpauthUri } from '../src/server/modules/auth/totp.js';
import { updateUser } from '../src/server/modules/users/users.repository.js';
import type { Role } from '../src/shared/roles.js';

const DEMO_NAME = 'Demo Hulplijn';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    'no-start': { type: 'boolean', default: false },
    contacts: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
  },
});

if (!process.env.DATA_DIR && !process.env.DATABASE_URL) process.env.DATA_DIR = './data-demo';
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const log = createLogger(config.logLevel);
const where = config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : config.dataDir;

/** What the database holds now, and — on --reset, when it holds only demo data — wipes it. */
async function inspectAndReset(reset: boolean): Promise<{ demoOrgs: string[]; realOrgs: number }> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata')))
    return { demoOrgs: [], realOrgs: 0 };
  const owner = await openOwnerDatabase(config, log);
  try {
    const { rows } = await sql<{ id: string; is_demo: boolean }>`
      select id, is_demo from organisations`.execute(owner.db);
    const demoOrgs = rows.filter((r) => r.is_demo).map((r) => r.id);
    const realOrgs = rows.length - demoOrgs.length;
    if (!reset || realOrgs > 0 || rows.length === 0) return { demoOrgs, realOrgs };
    // Only demo organisations: back to a freshly migrated database (the append-only triggers guard rows
    // against change, not the sandbox against a reset; TRUNCATE is the owner's, never the app's).
    const { rows: tables } = await sql<{ name: string }>`
      select tablename as name from pg_tables
      where schemaname = current_schema() and tablename not like 'kysely\\_%'`.execute(owner.db);
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t.name)))} restart identity cascade`.execute(
      owner.db,
    );
    for (const id of demoOrgs)
      fs.rmSync(path.join(config.dataDir, 'audit-checkpoints', `${id}.jsonl`), { force: true });
    return { demoOrgs: [], realOrgs: 0 };
  } finally {
    await owner.close();
  }
}

/** A passphrase of five common words and two digits: easy to type from the terminal, hard to guess. */
const WORDS = [
  'kitchen',
  'river',
  'lantern',
  'orange',
  'bicycle',
  'garden',
  'window',
  'harbour',
  'pencil',
  'meadow',
  'violin',
  'tunnel',
  'market',
  'candle',
  'forest',
  'island',
  'ladder',
  'mirror',
  'saddle',
  'thunder',
  'basket',
  'button',
  'castle',
  'donkey',
  'feather',
  'glacier',
  'helmet',
  'jacket',
  'kettle',
  'lemon',
];
const passphrase = () =>
  `${Array.from({ length: 5 }, () => WORDS[randomInt(WORDS.length)]).join('-')}-${randomInt(10, 100)}`;

const ROLE_ORDER: Role[] = ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer'];

async function makeDemo(): Promise<void> {
  const { deps, database } = await boot(config);
  try {
    const [org] = await seed(deps, {
      dialect: database.kind,
      contacts: Number(values.contacts),
      orgs: 1,
      counsellors: 12,
      seed: Number(values.seed),
      years: 1,
      now: new Date(),
      demo: true,
      onePerRole: true,
      orgNames: [DEMO_NAME],
      // Replaced below by one passphrase per account.
      passwordHash: await hashPassword(passphrase()),
    });
    const orgId = org!.orgId;
    // One counsellor who signs in: the generated counsellor with the most cases gets an account.
    const accounts: (SeededUser & { password: string })[] = [];
    await inOrg(deps.db, orgId, async (trx) => {
      const busiest = await trx
        .selectFrom('cases')
        .innerJoin('users', 'users.id', 'cases.counsellor_id')
        .select(['users.id', 'users.display_name'])
        .groupBy(['users.id', 'users.display_name'])
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .orderBy('users.id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const totpSecret = newTotpSecret();
      const counsellor: SeededUser = {
        userId: busiest.id,
        role: 'counsellor',
        email: `counsellor@${org!.staff[0]!.email.split('@')[1]}`,
        displayName: busiest.display_name,
        totpSecret,
      };
      await updateUser(trx, busiest.id, {
        email: counsellor.email,
        totp_secret: await deps.keyring.encrypt(
          trx,
          orgId,
          { table: 'users', column: 'totp_secret', id: busiest.id },
          totpSecret,
        ),
        totp_enrolled_at: new Date(),
      });
      for (const user of [...org!.staff, counsellor]) {
        const password = passphrase();
        await updateUser(trx, user.userId, {
          password_hash: await hashPassword(password),
          password_changed_at: new Date(),
        });
        accounts.push({ ...user, password });
      }
    });
    accounts.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    const line = '─'.repeat(72);
    console.log(`\n${line}\n${DEMO_NAME}: demo data in ${where}`);
    console.log(`${org!.counts.contacts ?? 0} contacts, ${org!.counts.cases ?? 0} cases — all invented.`);
    console.log('Sign-in details, shown this once (a reset makes new ones):\n' + line);
    for (const a of accounts) {
      const uri = otpauthUri(a.totpSecret, a.email, `Confidant (${DEMO_NAME})`);
      console.log(`\n${a.role.replace('_', ' ').toUpperCase()} — ${a.displayName}`);
      console.log(`  e-mail     ${a.email}`);
      console.log(`  password   ${a.password}`);
      console.log(`  TOTP key   ${groupKey(a.totpSecret)}`);
      console.log(`  TOTP link  ${uri}`);
      console.log(await QRCode.toString(uri, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }));
    }
    console.log(line);
  } finally {
    await database.close();
  }
}

const state = await inspectAndReset(values.reset);
if (state.realOrgs > 0) {
  console.error(
    `${where} holds ${state.realOrgs} real organisation(s): the demo never mixes with real data. ` +
      'Run it on its own DATA_DIR or database (without either it uses ./data-demo).',
  );
  process.exit(1);
}
if (state.demoOrgs.length > 0) {
  console.log(
    `The demo organisation already exists in ${where}; its sign-in details were shown when it was made.\n` +
      'Start over with new ones: npm run demo -- --reset',
  );
} else {
  await makeDemo();
}
if (!values['no-start']) {
  console.log(`Starting Confidant on the demo data (${where})…`);
  await import('./start.js');
}
