import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload, Dashboard, FunderReport, Report } from '../../../shared/reports.schema.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();
const HOUR = 3_600_000;

describe.each(kinds)('dashboards, durations, caseload and the funder report on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let coord: Agent;
  let analyst: Agent;
  let ip = 0;
  let phone = 0;
  const caseIds: string[] = [];
  const as = (who: SignedIn) => signIn(t, who, `10.14.${Math.floor(ip / 200)}.${(ip++ % 200) + 1}`);
  const period = () => ({ from: day(t, -30), to: day(t, 1) });
  const query = (a: Agent, body: Record<string, unknown>) =>
    a.post('/api/reports/query', { ...period(), language: 'en', ...body });
  const year = () => Number(day(t).slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    coord = await as(s.coord);
    analyst = await as(s.analyst);
    await makeEligible(t, coord, s.couns.userId, { maxActiveCases: 20 });
    const start = t.clock.now().getTime();
    // Six C1 cases assigned 2, 4, … 12 hours after the call, and first seen by the counsellor 3, 6, … 18 hours
    // after it; two C2 cases assigned after 100 hours and never seen.
    const cases: { category: string; assignAfter: number; logAfter?: number }[] = [
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ category: 'C1', assignAfter: 2 * i, logAfter: 3 * i })),
      { category: 'C2', assignAfter: 100 },
      { category: 'C2', assignAfter: 100 },
    ];
    for (const c of cases) {
      const { caseId } = await openCase(coord, s.tx, {
        categoryId: s.tx.byCode('category', c.category),
        phone: `06 3${String(++phone).padStart(7, '0')}`,
      });
      caseIds.push(caseId);
    }
    // Then the assignments and first conversations in the order they happen (the clock only moves forward,
    // and each step signs in afresh: a session does not survive days of idling).
    const events = cases
      .flatMap((c, i) => [
        { at: c.assignAfter, caseId: caseIds[i]!, kind: 'assign' as const },
        ...(c.logAfter ? [{ at: c.logAfter, caseId: caseIds[i]!, kind: 'log' as const }] : []),
      ])
      .sort((a, b) => a.at - b.at);
    for (const e of events) {
      // Never back: each sign-in moves the clock on by one TOTP step (30 s), which a code may not reuse.
      t.clock.set(new Date(Math.max(t.clock.now().getTime(), start + e.at * HOUR)));
      if (e.kind === 'assign') {
        const assigned = await (
          await as(s.coord)
        ).post(`/api/cases/${e.caseId}/assign`, { counsellorId: s.couns.userId });
        expect(assigned.statusCode).toBe(204);
      } else {
        const log = await (
          await as(s.couns)
        ).post(`/api/cases/${e.caseId}/log`, {
          requestId: randomUUID(),
          occurredAt: t.clock.now().toISOString(),
          channel: 'phone',
          durationMinutes: 20,
          note: 'Eerste gesprek',
        });
        expect(log.statusCode).toBeLessThan(300);
      }
    }
    t.clock.set(new Date(start + 120 * HOUR));
    // One case closed into intensive aftercare: eight check-ins, five of them done now (on time).
    const counsellor = await as(s.couns);
    const aftercareCase = caseIds[0]!;
    await counsellor.patch(`/api/cases/${aftercareCase}`, { supportLevel: 'intensive' });
    const moved = await counsellor.post(`/api/cases/${aftercareCase}/transition`, {
      to: 'aftercare',
      closureId: s.tx.byCode('closure', 'goal_reached'),
    });
    expect(moved.statusCode).toBe(204);
    const detail = (await counsellor.get(`/api/cases/${aftercareCase}`)).json<{
      tasks: { id: string; kind: string }[];
    }>();
    const checks = detail.tasks.filter((x) => x.kind === 'aftercare');
    expect(checks).toHaveLength(8);
    for (const task of checks.slice(0, 5))
      expect(
        (await counsellor.patch(`/api/cases/${aftercareCase}/tasks/${task.id}`, { done: true })).statusCode,
      ).toBeLessThan(300);
    coord = await as(s.coord);
    analyst = await as(s.analyst);
  });
  afterAll(() => t.close());

  it('publishes the median and 90th percentile only beside a published count of at least the threshold', async () => {
    const whole = (await query(analyst, { measure: 'time_to_assignment' })).json<Report>();
    expect(whole.total).toEqual({ kind: 'count', value: 8 });
    // [2, 4, 6, 8, 10, 12, 100, 100]: median 9, 90th percentile 100 (interpolated between the two 100s).
    expect(whole.durations).toEqual({ rows: [], total: { kind: 'value', median: 9, p90: 100 } });

    const byCategory = (
      await query(analyst, { measure: 'time_to_assignment', rows: 'category' })
    ).json<Report>();
    expect(byCategory.rows!.keys.map((k) => k.label.split(' ')[0])).toEqual(['C1', 'C2']);
    // C2 (2 cases) is below 5; C1 (6) is hidden to protect it — and so are both their medians.
    expect(byCategory.cells).toEqual([
      [{ kind: 'suppressed', reason: 'protects_other' }],
      [{ kind: 'suppressed', reason: 'below_threshold' }],
    ]);
    expect(byCategory.durations!.rows).toEqual([{ kind: 'suppressed' }, { kind: 'suppressed' }]);
    expect(byCategory.durations!.total).toEqual({ kind: 'value', median: 9, p90: 100 });
    expect(JSON.stringify(byCategory)).not.toMatch(/"median":7\b/);

    // First counsellor contact: six C1 cases at 3, 6, … 18 hours (the two C2 cases were never seen).
    const seen = (await query(coord, { measure: 'time_to_first_contact' })).json<Report>();
    expect(seen.total).toEqual({ kind: 'count', value: 6 });
    expect(seen.durations!.total).toEqual({ kind: 'value', median: 10.5, p90: 16.5 });

    const csv = await analyst.post('/api/reports/export', {
      measure: 'time_to_assignment',
      ...period(),
      rows: 'category',
      language: 'en',
      format: 'csv',
    });
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Request category,Cases,Median (hours),90th percentile (hours)');
    expect(lines.slice(1, 4)).toEqual([
      expect.stringMatching(/^C1 .*,x,x,x$/),
      expect.stringMatching(/^C2 .*,<5,<5,<5$/),
      'Total,8,9,100',
    ]);
  });

  it('refuses a second breakdown of a duration', async () => {
    const res = await query(coord, { measure: 'time_to_assignment', rows: 'month', columns: 'category' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'columns', reason: 'not_a_breakdown' }),
    ]);
  });

  it('counts aftercare check-ins by whether they were done on time', async () => {
    const res = await query(analyst, {
      measure: 'aftercare_checkins',
      rows: 'timeliness',
      from: day(t, -30),
      to: day(t, 400),
    });
    const report = res.json<Report>();
    expect(report.rows!.keys.map((k) => k.key)).toEqual(['on_time', 'late', 'not_done']);
    expect(report.cells).toEqual([
      [{ kind: 'count', value: 5 }],
      [{ kind: 'suppressed', reason: 'below_threshold' }],
      [{ kind: 'suppressed', reason: 'below_threshold' }],
    ]);
    expect(report.total).toEqual({ kind: 'count', value: 8 });
  });

  it('counts activities by type with their reach: attendees and facilitator hours, beside published counts', async () => {
    const types = (await coord.get('/api/activities/types')).json<{
      items: { termId: string; code: string }[];
    }>();
    const places = (await coord.get('/api/places/municipalities')).json<{ items: { id: string }[] }>();
    const workshop = types.items.find((i) => i.code === 'workshop_authorities')!.termId;
    // Five workshops of two and a half hours, each with the coordinator and ten people.
    for (let i = 0; i < 5; i++) {
      const created = await coord.post('/api/activities', {
        typeId: workshop,
        title: `Workshop ${i}`,
        date: day(t, -1 - i),
        startTime: '10:00',
        endTime: '12:30',
        municipalityId: places.items[0]!.id,
        languages: ['nl'],
        audience: 'local_authority',
        facilitatorIds: [s.coord.userId],
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      const reported = await coord.request('PUT', `/api/activities/${id}/report`, { attendees: 10 });
      expect(reported.statusCode, reported.body).toBeLessThan(300);
    }
    const report = (await query(analyst, { measure: 'activities', rows: 'activity_type' })).json<Report>();
    expect(report.rows!.keys.map((k) => k.key)).toEqual([workshop]);
    expect(report.cells).toEqual([[{ kind: 'count', value: 5 }]]);
    expect(report.reach).toEqual({
      rows: [{ kind: 'value', attendees: 50, facilitatorHours: 12.5 }],
      total: { kind: 'value', attendees: 50, facilitatorHours: 12.5 },
    });
    // Four of them (a shorter period) are below the threshold: their reach is hidden with their count.
    const fewer = (
      await query(analyst, { measure: 'activities', rows: 'activity_type', from: day(t, -4) })
    ).json<Report>();
    expect(fewer.cells).toEqual([[{ kind: 'suppressed', reason: 'below_threshold' }]]);
    expect(fewer.reach!.rows).toEqual([{ kind: 'suppressed' }]);
    const refused = await query(analyst, { measure: 'activities', rows: 'activity_type', columns: 'month' });
    expect(refused.statusCode).toBe(400);
  });

  it('gives coordinators and analysts the dashboard — aggregated, coarsened where needed, nobody named', async () => {
    for (const who of [s.admin, s.couns, s.officer]) {
      const res = await (await as(who)).post('/api/reports/dashboard', period());
      expect(res.statusCode, who.email).toBe(403);
    }
    const res = await analyst.post('/api/reports/dashboard', { ...period(), language: 'en' });
    expect(res.statusCode).toBe(200);
    const dashboard = res.json<Dashboard>();
    expect(dashboard.panels.map((p) => p.id)).toHaveLength(15);
    expect(dashboard.abilities).toEqual({ caseload: false, funderNarrative: false });
    const panel = (id: string) => dashboard.panels.find((p) => p.id === id)!;
    // Month × category: one month, C1 (6) published and C2 (2) hidden — not too fine, so not coarsened.
    const byCategory = panel('requests_by_category');
    expect([byCategory.report.rows!.dimension, byCategory.report.columns!.dimension]).toEqual([
      'month',
      'category',
    ]);
    expect(byCategory.coarsened).toBe(false);
    expect(panel('time_to_assignment').report.durations!.total).toEqual({
      kind: 'value',
      median: 9,
      p90: 100,
    });
    expect(panel('aftercare').report.rows!.keys.map((k) => k.key)).toEqual(['on_time', 'late', 'not_done']);
    // The request panels are summed from one count of the period: the same as the report builder's.
    for (const id of ['requests_by_category', 'requests_by_channel', 'conversion'] as const) {
      const shown = panel(id).report;
      const built = await query(analyst, {
        measure: 'requests',
        rows: shown.rows!.dimension,
        ...(shown.columns ? { columns: shown.columns.dimension } : {}),
      });
      expect(shown, id).toEqual(built.json());
    }
    for (const p of dashboard.panels) {
      const published = [
        ...p.report.cells.flat(),
        ...p.report.rowTotals,
        ...p.report.columnTotals,
        p.report.total,
      ];
      for (const c of published) if (c.kind === 'count') expect(c.value, p.id).toBeGreaterThanOrEqual(5);
    }
    // No row about a person: no case, no counsellor, no caller in the answer.
    const text = res.body;
    for (const id of [...caseIds, s.couns.userId, s.coord.userId]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/06 3\d{7}|Moeder van/);

    const forCoordinator = (await coord.post('/api/reports/dashboard', period())).json<Dashboard>();
    expect(forCoordinator.abilities).toEqual({ caseload: true, funderNarrative: true });
  });

  it('shows caseload per counsellor to coordinators only; analysts get 403', async () => {
    const res = await coord.get('/api/reports/caseload');
    expect(res.statusCode).toBe(200);
    const caseload = res.json<Caseload>();
    const mine = caseload.counsellors.find((c) => c.id === s.couns.userId)!;
    expect(mine).toMatchObject({ active: 7, aftercare: 1, capacity: 20 });
    for (const who of [s.analyst, s.admin, s.couns, s.officer]) {
      const denied = await (await as(who)).get('/api/reports/caseload');
      expect(denied.statusCode, who.email).toBe(403);
      expect(denied.body).not.toContain(s.couns.userId);
    }
  });

  it('lets the coordinator write the year’s narrative, analysts read it, and refuses bad input unchanged', async () => {
    const empty = (await analyst.get(`/api/reports/funder?year=${year()}`)).json<FunderReport>();
    expect(empty).toEqual({ year: year(), narrative: '', updatedAt: null, canEdit: false });
    const narrative =
      'Dit jaar bouwden we vertrouwen op in drie nieuwe wijken.\n\nDank aan onze vrijwilligers.';
    const denied = await analyst.request('PUT', '/api/reports/funder', { year: year(), narrative: 'Nee' });
    expect(denied.statusCode).toBe(403);
    const tooLong = await coord.request('PUT', '/api/reports/funder', {
      year: year(),
      narrative: 'x'.repeat(4001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    expect(tooLong.json<Problem>().errors?.[0]).toMatchObject({ field: 'narrative' });
    const badYear = await coord.request('PUT', '/api/reports/funder', { year: 1999, narrative });
    expect(badYear.json<Problem>().errors?.[0]).toMatchObject({ field: 'year' });
    expect((await coord.get(`/api/reports/funder?year=${year()}`)).json<FunderReport>().narrative).toBe('');

    const saved = await coord.request('PUT', '/api/reports/funder', { year: year(), narrative });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<FunderReport>().canEdit).toBe(true);
    const read = (await analyst.get(`/api/reports/funder?year=${year()}`)).json<FunderReport>();
    expect(read.narrative).toBe(narrative);
    expect((await (await as(s.couns)).get('/api/reports/funder')).statusCode).toBe(403);

    const officer = await as(s.officer);
    const log = (await officer.get('/api/audit?entity=funder_report')).json<{
      items: { action: string; entityId: string }[];
    }>();
    expect(log.items).toEqual([
      expect.objectContaining({ action: 'report.funder_narrative_create', entityId: String(year()) }),
    ]);
  });

  it('exports the funder report as a PDF with headline figures and the narrative, audited like any export', async () => {
    await coord.request('PUT', '/api/reports/funder', {
      year: year(),
      narrative: 'Een jaar van groei in vertrouwen.',
    });
    for (const who of [s.admin, s.couns, s.officer])
      expect((await (await as(who)).post('/api/reports/funder/export', { year: year() })).statusCode).toBe(
        403,
      );
    const res = await analyst.post('/api/reports/funder/export', { year: year() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="confidant-funder-report-${year()}.pdf"`,
    );
    const text = await pdfText(res.rawPayload);
    // In the organisation's language (Dutch): the title, eight requests, and the narrative.
    expect(text).toContain(`Jaarverslag ${year()}`);
    expect(text).toMatch(/Hulpvragen \(intakes\)\s+8/);
    expect(text).toContain('Een jaar van groei in vertrouwen.');
    expect(text).toContain('mediaan 9 uur, 90e percentiel 100 uur (8 casussen)');
    const officer = await as(s.officer);
    const log = (await officer.get('/api/audit?entity=report')).json<{
      items: { action: string; entityId: string }[];
    }>();
    expect(log.items[0]).toEqual(
      expect.objectContaining({ action: 'report.export', entityId: `funder/${year()}/pdf` }),
    );
  });

  it('prints a wide table on landscape pages and a narrow one upright', async () => {
    // A year of months as columns: fourteen columns with the label and the total.
    const wide = await coord.post('/api/reports/export', {
      measure: 'requests',
      from: day(t, -330),
      to: day(t, 1),
      rows: 'category',
      columns: 'month',
      language: 'nl',
      format: 'pdf',
    });
    const narrow = await coord.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      rows: 'category',
      language: 'nl',
      format: 'pdf',
    });
    const mediaBox = (pdf: Buffer) => /\/MediaBox \[([^\]]+)\]/.exec(pdf.toString('latin1'))![1]!.trim();
    expect(wide.statusCode, wide.body).toBe(200);
    expect(mediaBox(wide.rawPayload)).toBe('0 0 841.89 595.28');
    expect(mediaBox(narrow.rawPayload)).toBe('0 0 595.28 841.89');
  });
});
