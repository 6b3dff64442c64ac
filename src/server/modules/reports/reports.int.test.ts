import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../../web/i18n/locales/ar.json' with { type: 'json' };
import nl from '../../../web/i18n/locales/nl.json' with { type: 'json' };
import type { Report } from '../../../shared/reports.schema.js';
import { openCase, staffOrganisation, day, type Staff } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { normaliseArabic, pdfInfo, pdfText } from '../../test/pdf-text.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();

describe.each(kinds)('reports with disclosure control on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let coord: Agent;
  let analyst: Agent;
  let ip = 0;
  let phone = 0;
  const as = (who: SignedIn) => signIn(t, who, `10.13.${Math.floor(ip / 200)}.${(ip++ % 200) + 1}`);
  const period = () => ({ from: day(t, -30), to: day(t, 1) });
  const query = (a: Agent, body: Record<string, unknown>) =>
    a.post('/api/reports/query', { measure: 'requests', ...period(), language: 'en', ...body });

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    coord = await as(s.coord);
    analyst = await as(s.analyst);
    const intake = async (n: number, overrides: Record<string, unknown>) => {
      // A new phone number each time: a known number would be the same caller, in the same municipality.
      for (let i = 0; i < n; i++)
        await openCase(coord, s.tx, {
          outcome: 'info_only',
          phone: `06 2${String(++phone).padStart(7, '0')}`,
          ...overrides,
        });
    };
    // Seven C1 by phone in Utrecht, six C2 by phone in Amersfoort, two C2 by WhatsApp in Utrecht, one C3 by e-mail.
    await intake(7, { categoryId: s.tx.byCode('category', 'C1'), channel: 'phone', municipality: 'Utrecht' });
    await intake(6, {
      categoryId: s.tx.byCode('category', 'C2'),
      channel: 'phone',
      municipality: 'Amersfoort',
    });
    await intake(2, {
      categoryId: s.tx.byCode('category', 'C2'),
      channel: 'whatsapp',
      municipality: 'Utrecht',
    });
    await intake(1, {
      categoryId: s.tx.byCode('category', 'C3'),
      channel: 'email',
      municipality: 'Amersfoort',
    });
  });
  afterAll(() => t.close());

  it('lets coordinators and analysts run and export reports, the admin set the rules, and nobody else', async () => {
    const who = {
      admin: s.admin,
      coordinator: s.coord,
      counsellor: s.couns,
      analyst: s.analyst,
      officer: s.officer,
    };
    const expected = {
      admin: [403, 403, 200, 200],
      coordinator: [200, 200, 200, 403],
      counsellor: [403, 403, 403, 403],
      analyst: [200, 200, 200, 403],
      officer: [403, 403, 200, 403],
    } as const;
    for (const [name, person] of Object.entries(who)) {
      const a = await as(person);
      const statuses = [
        (await query(a, {})).statusCode,
        (await a.post('/api/reports/export', { measure: 'requests', ...period(), format: 'csv' })).statusCode,
        (await a.get('/api/organisation/report-settings')).statusCode,
        (await a.request('PUT', '/api/organisation/report-settings', { threshold: 5, roundToFive: false }))
          .statusCode,
      ];
      expect(statuses, name).toEqual(expected[name as keyof typeof expected]);
    }
  });

  it('counts the organisation’s requests and publishes small counts as hidden, never their value', async () => {
    const res = await query(analyst, { rows: 'category' });
    expect(res.statusCode).toBe(200);
    const report = res.json<Report>();
    expect(report.rows!.keys.map((k) => k.label.split(' ')[0])).toEqual(['C1', 'C2', 'C3']);
    // C3 (1) is below 5; with the total (16) published, C1 and C2 would give it away, so C1 (the smaller) is
    // hidden too.
    expect(report.cells).toEqual([
      [{ kind: 'suppressed', reason: 'protects_other' }],
      [{ kind: 'count', value: 8 }],
      [{ kind: 'suppressed', reason: 'below_threshold' }],
    ]);
    expect(report.total).toEqual({ kind: 'count', value: 16 });
    expect(JSON.stringify(report)).not.toMatch(/"value":(1|7)\b/);
  });

  it('labels breakdowns in the reader’s language and crosses two of them', async () => {
    const report = (
      await query(coord, { rows: 'category', columns: 'channel', language: 'nl' })
    ).json<Report>();
    expect(report.rows!.keys.map((k) => k.label.split(' ')[0])).toEqual(['C1', 'C2', 'C3']);
    expect(report.columns!.keys.map((k) => k.label)).toEqual(['E-mail', 'Telefoon', 'WhatsApp']);
    const published = [...report.cells.flat(), ...report.rowTotals, ...report.columnTotals, report.total];
    for (const p of published) if (p.kind === 'count') expect(p.value).toBeGreaterThanOrEqual(5);
    expect(report.cells[1]![2]).toEqual({ kind: 'suppressed', reason: 'below_threshold' });
    expect(report.cells[2]![0]).toEqual({ kind: 'suppressed', reason: 'below_threshold' });
    expect(report.total).toEqual({ kind: 'count', value: 16 });
  });

  it('refuses breakdowns that would single out families, saying what to coarsen', async () => {
    const crossed = await query(coord, { rows: 'municipality', columns: 'category' });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.headers['content-type']).toContain('application/problem+json');
    expect(crossed.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'rows', reason: 'report_too_fine' }),
    ]);
    const notAllowed = await query(coord, { rows: 'closure' });
    expect(notAllowed.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'rows', reason: 'not_a_breakdown' }),
    ]);
    const noEthnicity = await query(coord, { rows: 'ethnicity' });
    expect(noEthnicity.statusCode).toBe(400);
    const backwards = await query(coord, { from: day(t, 1), to: day(t, -1) });
    expect(backwards.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'to', reason: 'before_start' }),
    ]);
    // By month and channel, two of the three filled cells are small: refused, naming the month.
    const fine = await query(coord, { rows: 'month', columns: 'channel', from: day(t, -400) });
    expect(fine.statusCode).toBe(400);
    expect(fine.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'rows', reason: 'report_too_fine' }),
    ]);
  });

  it('publishes municipalities on their own, under the same rules', async () => {
    const report = (await query(analyst, { rows: 'municipality' })).json<Report>();
    expect(report.rows!.keys.map((k) => k.key)).toEqual(['Amersfoort', 'Utrecht']);
    expect(report.cells).toEqual([[{ kind: 'count', value: 7 }], [{ kind: 'count', value: 9 }]]);
  });

  it('applies the admin’s threshold and rounding, refuses one outside 3–10 and changes nothing', async () => {
    const admin = await as(s.admin);
    const bad = await admin.request('PUT', '/api/organisation/report-settings', {
      threshold: 11,
      roundToFive: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('threshold');
    expect((await admin.get('/api/organisation/report-settings')).json()).toEqual({
      threshold: 5,
      roundToFive: false,
    });

    expect(
      (await admin.request('PUT', '/api/organisation/report-settings', { threshold: 10, roundToFive: true }))
        .statusCode,
    ).toBe(200);
    const strict = (await query(analyst, { rows: 'category' })).json<Report>();
    expect(strict.rules).toEqual({ threshold: 10, roundToFive: true });
    expect(strict.cells.flat().every((c) => c.kind === 'suppressed')).toBe(true);
    // 16 requests, published rounded to the nearest five.
    expect(strict.total).toEqual({ kind: 'count', value: 15 });
    await admin.request('PUT', '/api/organisation/report-settings', { threshold: 5, roundToFive: false });

    const officer = await as(s.officer);
    const log = (await officer.get('/api/audit?entity=organisation')).json<{
      items: { action: string; changedFields: string[] }[];
    }>();
    expect(log.items.map((e) => e.action)).toContain('organisation.report_settings_update');
  });

  it('exports CSV in the reader’s language with the legend, and the privacy officer sees who exported what', async () => {
    const res = await analyst.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      rows: 'category',
      language: 'nl',
      format: 'csv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="confidant-requests-/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Soort hulpvraag,Hulpvragen (intakes)');
    expect(lines.slice(1, 5)).toEqual([
      expect.stringMatching(/^C1 .*,x$/),
      expect.stringMatching(/^C2 .*,8$/),
      expect.stringMatching(/^C3 .*,<5$/),
      'Totaal,16',
    ]);
    expect(res.body).toContain('<5 = minder dan 5');
    const officer = await as(s.officer);
    const log = (await officer.get('/api/audit?entity=report')).json<{
      items: { action: string; entity: string; entityId: string }[];
    }>();
    expect(log.items[0]).toEqual(
      expect.objectContaining({
        action: 'report.export',
        entity: 'report',
        entityId: `requests/category/-/${period().from}/${period().to}/csv`,
      }),
    );
  });
  it('exports the same published table as XLSX (numbers as numbers, "<5" and "x" as text, no formulas), audited', async () => {
    const res = await analyst.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      rows: 'category',
      language: 'nl',
      format: 'xlsx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="confidant-requests-.*\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Soort hulpvraag', 'Hulpvragen (intakes)']);
    expect(values(2)).toEqual([expect.stringMatching(/^C1 /), 'x']);
    expect(values(3)).toEqual([expect.stringMatching(/^C2 /), 8]);
    expect(values(4)).toEqual([expect.stringMatching(/^C3 /), '<5']);
    expect(values(5)).toEqual(['Totaal', 16]);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeFalsy();
        texts.push(cell.text);
      }),
    );
    // The legend and period below the table; the hidden 7 nowhere.
    expect(texts).toContain('<5 = minder dan 5 (niet getoond om gezinnen te beschermen)');
    expect(texts).toContain(nl.reports.legendProtects);
    expect(texts).not.toContain('7');
    await expectAudited('requests/category/-', 'xlsx');
  });

  it('exports the published table as a PDF with a chart that never draws a hidden value, also in Arabic', async () => {
    const res = await coord.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      rows: 'category',
      language: 'nl',
      format: 'pdf',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="confidant-requests-.*\.pdf"$/);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Hulpvragen (intakes)');
    expect(text).toContain('<5 = minder dan 5 (niet getoond om gezinnen te beschermen)');
    expect(text).toContain(nl.reports.legendProtects);
    const lines = text.split('\n');
    // Table row and chart bar: C1 (7) is hidden ("x"), C3 (1) below the threshold, C2 (8) published.
    expect(lines.filter((l) => l.startsWith('C1 '))).toEqual([
      expect.stringMatching(/ x$/),
      expect.stringMatching(/ x$/),
    ]);
    expect(lines.filter((l) => l.startsWith('C3 '))).toEqual([
      expect.stringMatching(/ <5$/),
      expect.stringMatching(/ <5$/),
    ]);
    expect(lines.filter((l) => l.startsWith('C2 '))).toEqual([
      expect.stringMatching(/ 8$/),
      expect.stringMatching(/ 8$/),
    ]);
    // Neither hidden count anywhere (the page number aside).
    expect(text.replace(/Pagina \d+ van \d+/, '')).not.toMatch(/(^|\s)[71](\s|$)/m);
    await expectAudited('requests/category/-', 'pdf');

    const arabic = await analyst.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      rows: 'channel',
      language: 'ar',
      format: 'pdf',
    });
    expect(arabic.statusCode).toBe(200);
    expect((await pdfInfo(arabic.rawPayload)).Language).toBe('ar');
    const arabicText = normaliseArabic(await pdfText(arabic.rawPayload));
    expect(arabicText).toContain(normaliseArabic(ar.reports.measures.requests));
    expect(arabicText).toContain(normaliseArabic(ar.reports.total));
  });

  async function expectAudited(report: string, format: string) {
    const officer = await as(s.officer);
    const log = (await officer.get('/api/audit?entity=report')).json<{
      items: { action: string; entityId: string; details?: { format?: string } }[];
    }>();
    expect(log.items[0]).toEqual(
      expect.objectContaining({
        action: 'report.export',
        entityId: `${report}/${period().from}/${period().to}/${format}`,
      }),
    );
  }
});
