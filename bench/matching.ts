/**
 * Matching benchmark: the shortlist for one case among N counsellors (default 5,000), with caseload,
 * availability, training and VOG read from the database on every call.
 *   npm run bench:matching                      (PGlite)
 *   BENCH_DB=postgres npm run bench:matching    (PostgreSQL)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { inOrg } from '../src/server/db/database.js';
import { systemClock } from '../src/server/lib/clock.js';
import { caseShortlist } from '../src/server/modules/matching/matching.service.js';
import { openCase, terms } from '../src/server/test/cases-fixtures.js';
import { createTestApp, inviteAndActivate, setupOrganisation } from '../src/server/test/harness.js';
import { generateCounsellors, generateIntakes } from './generate.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const COUNSELLORS = Number(process.env.BENCH_COUNSELLORS ?? 5000);
const RUNS = Number(process.env.BENCH_N ?? 200);

const t = await createTestApp(kind, { LOG_LEVEL: 'silent' });
t.clock.set(systemClock.now());
const admin = await setupOrganisation(t);
const coordinator = await inviteAndActivate(t, admin.agent, 'coordinator', 'bench.coord@noord.example');
const session = (await coordinator.agent.get('/api/auth/session')).json<{
  user: { id: string };
  organisation: { id: string };
}>();
const actor = {
  kind: 'user' as const,
  userId: session.user.id,
  orgId: session.organisation.id,
  role: 'coordinator' as const,
  sessionId: 'bench',
};

const g0 = performance.now();
await generateCounsellors(t.deps, actor, COUNSELLORS);
await generateIntakes(t.deps, actor, 300);
const generateSeconds = (performance.now() - g0) / 1000;
// Production databases have planner statistics (autovacuum); give the freshly loaded one the same.
if (!process.env.BENCH_NO_ANALYZE) await t.asOwner((db) => sql`analyze`.execute(db));
const tx = await terms(coordinator.agent);
const { caseId } = await openCase(coordinator.agent, tx, {
  language: 'rif',
  municipality: 'Utrecht',
  // A stated background preference too, so the shortlist pays for every part of the score.
  preferences: {
    counsellorGender: 'female',
    backgroundId: tx.byCode('background', 'moroccan_dutch'),
    language: 'rif',
  },
});

const ctx = () => ({ actor, clock: t.clock, keyring: t.deps.keyring });
if (process.env.BENCH_PROFILE) {
  // Where does a shortlist spend its time? Each part alone, 50 times, median.
  const { candidateFlags, listCandidates, findCaseNeeds } =
    await import('../src/server/modules/matching/matching.repository.js');
  const { fromMask, listable } = await import('../src/server/modules/matching/matching.score.js');
  const today = t.clock.now().toISOString().slice(0, 10);
  const med = async (name: string, fn: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s0 = performance.now();
      await fn();
      xs.push(performance.now() - s0);
    }
    xs.sort((a, b) => a - b);
    console.log(name, xs[25]!.toFixed(1), 'ms');
  };
  const stored = (await inOrg(t.deps.db, actor.orgId, (trx) => findCaseNeeds(trx, actor.orgId, caseId)))!;
  const needs = { ...stored, prefBackgroundId: null };
  const flags = await inOrg(t.deps.db, actor.orgId, (trx) =>
    candidateFlags(trx, actor.orgId, today, caseId, needs),
  );
  const listed = flags.filter((f) => listable(fromMask(f.mask), needs)).map((f) => f.id);
  console.log('listable', listed.length, 'of', flags.length);
  await med('candidateFlags (all)', () =>
    inOrg(t.deps.db, actor.orgId, (trx) => candidateFlags(trx, actor.orgId, today, caseId, needs)),
  );
  await med('listCandidates (listable only)', () =>
    inOrg(t.deps.db, actor.orgId, (trx) => listCandidates(trx, actor.orgId, today, caseId, listed)),
  );
  await med('listCandidates (all)', () =>
    inOrg(t.deps.db, actor.orgId, (trx) => listCandidates(trx, actor.orgId, today, caseId)),
  );
  await med('findCaseNeeds', () =>
    inOrg(t.deps.db, actor.orgId, (trx) => findCaseNeeds(trx, actor.orgId, caseId)),
  );
  await med('empty transaction', () => inOrg(t.deps.db, actor.orgId, async () => 1));
  const q = (text: string) => () => inOrg(t.deps.db, actor.orgId, (trx) => sql.raw(text).execute(trx));
  await med(
    'users+profiles',
    q(
      `select u.id, u.display_name, p.status, p.gender, p.home_municipality_id, hm.province, p.serves_municipality_ids::text[], p.serves_provinces, p.max_active_cases, p.vog_expires_on, jsonb_path_exists(p.availability, '$.*[*]') from users u join counsellor_profiles p on p.user_id = u.id left join municipalities hm on hm.id = p.home_municipality_id where u.role = 'counsellor'`,
    ),
  );
  await med('users only', q(`select u.id, u.display_name from users u where u.role = 'counsellor'`));
  await med(
    'languages agg',
    q(`select user_id, string_agg(code, ',' order by code) from counsellor_languages group by user_id`),
  );
  await med(
    'training agg',
    q(
      `select ta.user_id, bool_or(co.kind = 'basic') from training_attendance ta join training_sessions s on s.id = ta.session_id join courses co on co.id = s.course_id group by ta.user_id`,
    ),
  );
}
const ms: number[] = [];
let last;
for (let i = 0; i < RUNS + 10; i++) {
  const start = performance.now();
  last = await inOrg(t.deps.db, actor.orgId, (trx) => caseShortlist({ ...ctx(), db: trx }, caseId));
  if (i >= 10) ms.push(performance.now() - start);
}
if (!last) throw new Error('no shortlist run');
ms.sort((a, b) => a - b);
const at = (p: number) => +ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!.toFixed(1);
const report = {
  date: new Date().toISOString(),
  database: kind,
  counsellors: COUNSELLORS,
  considered: last.considered,
  shortlisted: last.candidates.length,
  excluded: last.excluded,
  runs: RUNS,
  generateSeconds: +generateSeconds.toFixed(1),
  shortlistMs: { p50: at(50), p95: at(95), p99: at(99) },
};
console.log(JSON.stringify(report, null, 2));
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.appendFileSync(path.join('bench', 'results', 'matching.jsonl'), `${JSON.stringify(report)}\n`);
await t.close();
