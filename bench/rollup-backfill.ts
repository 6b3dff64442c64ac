/**
 * Fills the reports rollup (migration 0032) of every organisation of an already-seeded database: the
 * `reports.rollup` job's work (every complete day), one transaction per organisation, timed.
 *   BENCH_DATABASE_URL=postgres://confidant_bench_app:secret@127.0.0.1/confidant_bench \
 *   BENCH_DATABASE_OWNER_URL=postgres://postgres@127.0.0.1/confidant_bench DATA_DIR=/work/bench-data \
 *   npx tsx bench/rollup-backfill.ts
 */
import { boot } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { inOrg } from '../src/server/db/database.js';
import { refreshOrganisationRollup } from '../src/server/modules/reports/reports.jobs.js';
import { allOrgIds } from '../src/server/modules/reports/reports.repository.js';

const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', ...process.env };
if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
if (process.env.BENCH_DATABASE_OWNER_URL) env.DATABASE_OWNER_URL = process.env.BENCH_DATABASE_OWNER_URL;
const { deps, database } = await boot(loadConfig(env));
const orgIds = await deps.db.transaction().execute((trx) => allOrgIds(trx));
const started = performance.now();
let requestRows = 0;
let caseRows = 0;
for (const orgId of orgIds) {
  const start = performance.now();
  const r = await inOrg(deps.db, orgId, (trx) => refreshOrganisationRollup(trx, orgId, deps.clock.now()));
  requestRows += r.requestRows;
  caseRows += r.caseRows;
  console.error(
    `${orgId}: ${r.from}…${r.through}, ${r.requestRows} day rows, ${r.caseRows} cases, ${(performance.now() - start).toFixed(0)} ms`,
  );
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(JSON.stringify({ organisations: orgIds.length, requestRows, caseRows, seconds }));
// Fresh statistics for the new tables, as autovacuum would give them after a bulk insert.
if (process.env.BENCH_DATABASE_OWNER_URL) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_OWNER_URL });
  await client.connect();
  await client.query('analyze report_daily_requests, report_case_times, report_rollups');
  await client.end();
}
await database.close();
