/**
 * The daily audit checkpoint on an already-seeded database (`bench:seed`): how long verifying every
 * organisation's two chains takes when it walks every entry, and when it walks only what came after the last
 * checkpoint, the job's work on six days of seven (`verifyOrganisation`).
 *
 *   BENCH_DATABASE_URL=postgres://confidant_bench_app:secret@127.0.0.1/confidant_bench \
 *   BENCH_DATABASE_OWNER_URL=postgres://postgres@127.0.0.1/confidant_bench DATA_DIR=/work/bench-data \
 *   npm run bench:checkpoint
 *
 * Rounds, each over every organisation and each writing checkpoints to DATA_DIR as the job does:
 *   1. full: the walk of a first start (or of a week's end), from the first entry;
 *   2. a day later: one day's entries are written first (each organisation's audit and access rows divided by
 *      the days it has existed, `BENCH_DAY_ENTRIES` to override), then the job's walk;
 *   3. a week later: the job's weekly full walk, with a checkpoint to hold the chain against.
 * The checkpoints go to a scratch directory, removed at the end, so that rounds of earlier runs (dated a week
 * ahead) do not count and the server's own checkpoints in DATA_DIR are left as they were.
 * Wall time and this process's CPU time; the database's own time is the difference, roughly. Appends one
 * JSON line per round to bench/results/checkpoint.jsonl and prints a markdown table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { inOrg } from '../src/server/db/database.js';
import { recordAccess } from '../src/server/modules/audit/access-log.service.js';
import { installChainKeyring } from '../src/server/modules/audit/audit.keys.js';
import { audit, verifyAndCheckpoint } from '../src/server/modules/audit/audit.service.js';

const DAY = 86_400_000;
const ownerUrl = process.env.BENCH_DATABASE_OWNER_URL;
if (!process.env.BENCH_DATABASE_URL || !ownerUrl || !process.env.DATA_DIR) {
  throw new Error('set BENCH_DATABASE_URL, BENCH_DATABASE_OWNER_URL and DATA_DIR to a seeded database');
}
const env: NodeJS.ProcessEnv = {
  LOG_LEVEL: 'warn',
  ...process.env,
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  DATABASE_OWNER_URL: ownerUrl,
};
const config = loadConfig(env);
const { deps, database } = await boot(config);
const checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-bench-checkpoints-'));
installChainKeyring(deps.keyring);

const owner = new pg.Client({ connectionString: ownerUrl });
await owner.connect();
interface Org {
  id: string;
  userId: string;
  audit: number;
  access: number;
  days: number;
}
const { rows: orgs } = await owner.query<Org>(`
  select o.id,
    (select u.id from users u where u.org_id = o.id order by u.created_at limit 1) as "userId",
    (select count(*)::int from audit_log a where a.org_id = o.id) as audit,
    (select count(*)::int from access_log a where a.org_id = o.id) as access,
    greatest(1, ceil(extract(epoch from now() - (select min(at) from audit_log a where a.org_id = o.id)) / 86400))::int as days
  from organisations o order by o.id`);
await owner.end();

interface Round {
  round: string;
  organisations: number;
  auditChecked: number;
  accessChecked: number;
  walks: Record<string, number>;
  wallMs: number;
  cpuMs: number;
  slowestOrgMs: number;
  allIntact: boolean;
}

async function round(name: string, now: Date, walk: 'full' | 'as_due'): Promise<Round> {
  const r: Round = {
    round: name,
    organisations: 0,
    auditChecked: 0,
    accessChecked: 0,
    walks: {},
    wallMs: 0,
    cpuMs: 0,
    slowestOrgMs: 0,
    allIntact: true,
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const org of orgs) {
    const t0 = performance.now();
    const v = await inOrg(deps.db, org.id, (trx) =>
      verifyAndCheckpoint(trx, deps.keyring, org.id, { dataDir: checkpointDir, now, write: true, walk }),
    );
    r.slowestOrgMs = Math.max(r.slowestOrgMs, performance.now() - t0);
    r.organisations += 1;
    r.auditChecked += v.checked;
    r.accessChecked += v.accessLog.checked;
    const w = v.newCheckpoint?.walk ?? 'broken';
    r.walks[w] = (r.walks[w] ?? 0) + 1;
    r.allIntact &&= v.ok;
  }
  r.wallMs = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  r.cpuMs = Math.round((used.user + used.system) / 1000);
  r.slowestOrgMs = Math.round(r.slowestOrgMs);
  console.error(`${name}: ${JSON.stringify(r)}`);
  return r;
}

/** One day of entries per organisation, written the way requests write them. */
async function aDaysEntries(): Promise<{ audit: number; access: number }> {
  let auditRows = 0;
  let accessRows = 0;
  for (const org of orgs) {
    const nAudit = Number(process.env.BENCH_DAY_ENTRIES ?? Math.ceil(org.audit / org.days));
    const nAccess = Number(process.env.BENCH_DAY_ENTRIES ?? Math.ceil(org.access / org.days));
    const actor = {
      kind: 'user' as const,
      userId: org.userId,
      orgId: org.id,
      role: 'coordinator' as const,
      sessionId: 'bench',
    };
    await inOrg(deps.db, org.id, async (trx) => {
      const ctx = { db: trx, actor, clock: deps.clock, keyring: deps.keyring };
      for (let i = 0; i < nAudit; i += 1) {
        await audit(ctx, {
          action: 'case.update',
          entity: 'case',
          entityId: `bench-${i}`,
          changedFields: ['state'],
        });
      }
      for (let i = 0; i < nAccess; i += 1) {
        await recordAccess(ctx, { entity: 'case', entityId: `bench-${i}`, purpose: 'view' });
      }
    });
    auditRows += nAudit;
    accessRows += nAccess;
  }
  return { audit: auditRows, access: accessRows };
}

const today = new Date();
const rounds: Round[] = [];
rounds.push(await round('full', today, 'full'));
const written = await aDaysEntries();
console.error(`a day's entries: ${written.audit} audit, ${written.access} access`);
rounds.push(await round('a day later (job)', new Date(today.getTime() + DAY), 'as_due'));
rounds.push(await round('a week later (job)', new Date(today.getTime() + 7 * DAY + 60_000), 'as_due'));
await database.close();
fs.rmSync(checkpointDir, { recursive: true, force: true });

const at = new Date().toISOString();
const record = {
  at,
  db: 'postgres',
  node: process.version,
  entries: orgs.reduce((n, o) => n + o.audit + o.access, 0),
  dayWritten: written,
  rounds,
};
const out = path.join(import.meta.dirname, 'results', 'checkpoint.jsonl');
fs.appendFileSync(out, `${JSON.stringify(record)}\n`);
const lines = [
  `Audit checkpoint, ${orgs.length} organisations, ${record.entries} audit + access entries (${at}); a day's entries: ${written.audit} audit, ${written.access} access.`,
  '',
  '| round | walks | audit entries re-hashed | access entries re-hashed | wall s | server CPU s | slowest organisation s | intact |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rounds.map(
    (r) =>
      `| ${r.round} | ${Object.entries(r.walks)
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ', ',
        )} | ${r.auditChecked} | ${r.accessChecked} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${(r.slowestOrgMs / 1000).toFixed(2)} | ${r.allIntact ? 'yes' : 'NO'} |`,
  ),
];
console.log(lines.join('\n'));
