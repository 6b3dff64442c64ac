import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, ReportQuery } from '../../../shared/reports.schema.js';
import { inOrg } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../../test/harness.js';
import { getDashboard } from './dashboard.service.js';
import { buildReport } from './report-build.js';
import { refreshOrganisationRollup, scheduleRollups } from './reports.jobs.js';

const kinds = await testKinds();
const HOUR = 3_600_000;

describe.each(kinds)('the reports rollup on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let ip = 0;
  let phone = 0;
  const as = (who: SignedIn) => signIn(t, who, `10.15.${Math.floor(ip / 200)}.${(ip++ % 200) + 1}`);
  /** The period: from well before the data to a day after today (today's rows are counted live). */
  const period = () => ({ from: '2026-01-15', to: day(t, 1), language: 'en' as const });

  /** The service as the coordinator, in the organisation's transaction: from the rollup, or all live. */
  const asCoordinator = <T>(fn: (ctx: Parameters<typeof getDashboard>[0]) => Promise<T>) =>
    inOrg(
      t.deps.db,
      s.orgId,
      (db) => {
        const actor: Actor = {
          kind: 'user',
          userId: s.coord.userId,
          orgId: s.orgId,
          role: 'coordinator',
          sessionId: randomUUID(),
        };
        return fn({ db, actor, clock: t.clock, keyring: t.deps.keyring });
      },
      'coordinator',
    );
  const dashboards = async () => ({
    rollup: await asCoordinator((ctx) => getDashboard(ctx, period())),
    live: await asCoordinator((ctx) => getDashboard(ctx, period(), { live: true })),
  });
  const BUILDER: Omit<ReportQuery, 'from' | 'to' | 'language'>[] = [
    { measure: 'requests', rows: 'province', columns: 'category' },
    { measure: 'requests', rows: 'municipality' },
    { measure: 'requests', rows: 'month', columns: 'channel' },
    { measure: 'time_to_assignment', rows: 'category' },
    { measure: 'time_to_first_contact', rows: 'province' },
  ];
  const builderReports = async (path: { live: true } | undefined) => {
    const reports = [];
    for (const q of BUILDER)
      reports.push(
        await asCoordinator((ctx) =>
          buildReport(ctx, { ...period(), ...q }, undefined, path).catch((e: Error) => e.message),
        ),
      );
    return reports;
  };
  const requests = (d: Dashboard) => d.panels.find((p) => p.id === 'conversion')!.report.total;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    const first = await as(s.coord);
    for (const c of [s.couns, s.couns2]) await makeEligible(t, first, c.userId, { maxActiveCases: 20 });
    const municipalities = ['Utrecht', 'Amersfoort', 'Zeist', 'Rotterdam', 'Nergenshuizen'];
    const categories = ['C1', 'C2', 'C3'];
    const channels = ['phone', 'whatsapp', 'email'];
    // Six days of intakes at different hours (one late in the evening, near the day's end in Amsterdam), some
    // assigned and some seen by a counsellor hours later; the clock only moves forward.
    const start = t.clock.now().getTime();
    let n = 0;
    for (let d = 0; d < 6; d++) {
      t.clock.set(new Date(Math.max(t.clock.now().getTime(), start + d * 24 * HOUR)));
      const counsellors = [s.couns, s.couns2];
      for (let i = 0; i < 7; i++, n++) {
        const coord = await as(s.coord);
        const { caseId } = await openCase(coord, s.tx, {
          categoryId: s.tx.byCode('category', categories[n % 3]!),
          channel: channels[n % 3],
          municipality: municipalities[n % 5],
          phone: `06 4${String(++phone).padStart(7, '0')}`,
          occurredAt: new Date(t.clock.now().getTime() - (n % 4) * HOUR).toISOString(),
        });
        if (n % 3 !== 2)
          expect(
            (await coord.post(`/api/cases/${caseId}/assign`, { counsellorId: counsellors[n % 2]!.userId }))
              .statusCode,
          ).toBe(204);
        if (n % 3 === 0) {
          t.clock.set(new Date(t.clock.now().getTime() + (n % 5) * 600_000));
          const log = await (
            await as(counsellors[n % 2]!)
          ).post(`/api/cases/${caseId}/log`, {
            requestId: randomUUID(),
            occurredAt: t.clock.now().toISOString(),
            channel: 'phone',
            durationMinutes: 20,
            note: 'Eerste gesprek',
          });
          expect(log.statusCode).toBeLessThan(300);
        }
      }
    }
    // Two days later: every day of the data is complete.
    t.clock.set(new Date(start + 8 * 24 * HOUR));
  });
  afterAll(() => t.close());

  it('enqueues its refresh from the dashboard, and then gives the same numbers as counting live', async () => {
    // No rollup yet: the dashboard counts everything live, and enqueues the organisation's refresh once.
    const before = await dashboards();
    expect(before.rollup).toEqual(before.live);
    await asCoordinator((ctx) => getDashboard(ctx, period()));
    const ran = await runDueJobs(t.deps, jobHandlers, 'rollup-test');
    expect(ran).toBeGreaterThanOrEqual(1);
    const rows = await t.asOwner((db) =>
      db
        .selectFrom('report_daily_requests')
        .select((eb) => eb.fn.sum<number>('n').as('n'))
        .executeTakeFirst(),
    );
    expect(Number(rows?.n)).toBe(42);
    const after = await dashboards();
    expect(after.rollup).toEqual(after.live);
    expect(after.rollup).toEqual(before.live);
    expect(requests(after.rollup)).toEqual({ kind: 'count', value: 42 });
    expect(await builderReports(undefined)).toEqual(await builderReports({ live: true }));
    // Every case's durations are in the rollup (the 14 never assigned have none to assignment)…
    const times = await t.asOwner((db) =>
      db
        .selectFrom('report_case_times')
        .select((eb) => [
          eb.fn.countAll<number>().as('cases'),
          eb.fn.count<number>('hours_to_assignment').as('assigned'),
          eb.fn.count<number>('hours_to_first_contact').as('seen'),
        ])
        .executeTakeFirstOrThrow(),
    );
    expect([times.cases, times.assigned, times.seen].map(Number)).toEqual([42, 28, 14]);
    // …and the complete days are read from it: a changed rollup changes the figures (until the next refresh).
    await t.asOwner(async (db) => {
      await db.updateTable('report_daily_requests').set({ n: 100 }).execute();
      await db.updateTable('report_daily_request_kinds').set({ n: 100 }).execute();
    });
    expect(requests((await dashboards()).rollup)).not.toEqual({ kind: 'count', value: 42 });
    await inOrg(t.deps.db, s.orgId, (db) => refreshOrganisationRollup(db, s.orgId, t.clock.now()));
    expect(requests((await dashboards()).rollup)).toEqual({ kind: 'count', value: 42 });
  });

  it('counts a new contact of today live on top of the rollup, and a refresh is idempotent', async () => {
    const coord = await as(s.coord);
    await openCase(coord, s.tx, {
      categoryId: s.tx.byCode('category', 'C2'),
      phone: `06 4${String(++phone).padStart(7, '0')}`,
    });
    const now = await dashboards();
    expect(requests(now.rollup)).toEqual({ kind: 'count', value: 43 });
    expect(now.rollup).toEqual(now.live);
    // Refreshing again (the same days, and with today still incomplete) changes nothing.
    await inOrg(t.deps.db, s.orgId, (db) => refreshOrganisationRollup(db, s.orgId, t.clock.now()));
    await inOrg(t.deps.db, s.orgId, (db) => refreshOrganisationRollup(db, s.orgId, t.clock.now()));
    const again = await dashboards();
    expect(again.rollup).toEqual(now.live);
    // The next day, today's contact is in the rollup and still counted once.
    t.clock.set(new Date(t.clock.now().getTime() + 24 * HOUR));
    await inOrg(t.deps.db, s.orgId, (db) => refreshOrganisationRollup(db, s.orgId, t.clock.now()));
    const next = await dashboards();
    expect(requests(next.rollup)).toEqual({ kind: 'count', value: 43 });
    expect(next.rollup).toEqual(next.live);
    expect(await builderReports(undefined)).toEqual(await builderReports({ live: true }));
  });

  it('refreshes every organisation at night: one job per organisation, and the next night scheduled', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 24 * HOUR));
    const now = t.clock.now();
    await scheduleRollups(t.deps.db, now, now);
    // The nightly job enqueues the organisations' refreshes (due now); the next run does them.
    expect(await runDueJobs(t.deps, jobHandlers, 'rollup-test')).toBeGreaterThanOrEqual(1);
    expect(await runDueJobs(t.deps, jobHandlers, 'rollup-test')).toBeGreaterThanOrEqual(1);
    const state = await t.asOwner((db) =>
      db
        .selectFrom('report_rollups')
        .select([sql<string>`through::text`.as('through'), 'refreshed_at'])
        .where('org_id', '=', s.orgId)
        .executeTakeFirstOrThrow(),
    );
    expect(state.through).toBe(day(t, -1));
    expect(new Date(state.refreshed_at).getTime()).toBe(now.getTime());
    const jobs = await t.asOwner((db) =>
      db.selectFrom('jobs').select(['kind', 'status', 'run_at']).where('kind', 'like', 'reports.%').execute(),
    );
    expect(jobs.filter((j) => j.kind === 'reports.rollup.nightly' && j.status === 'queued')).toHaveLength(1);
    expect(jobs.filter((j) => j.status !== 'done' && j.kind === 'reports.rollup')).toEqual([]);
    const next = await dashboards();
    expect(next.rollup).toEqual(next.live);
  });
});
