import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { apiCall, openCaseViaApi, termId, type Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const run = promisify(execFile);

test.describe('reports', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  /** The coordinator of the first test, who writes the funder report in the second. */
  let coordinatorPage: Colleague | undefined;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('an analyst builds a report, sees small counts hidden, and exports it; the admin tightens the rules', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    const adminErrors = trackErrors(admin);
    await setupViaApi(admin);
    const coordinator = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Yusuf Demir',
      email: 'yusuf@hulplijn.example',
      role: 'coordinator',
    });
    // Seven requests about C1 and one about C3 (a new number each time: one caller per request).
    const c3 = await termId(coordinator.page, 'category', 'C3');
    for (let i = 0; i < 8; i++)
      await openCaseViaApi(coordinator.page, `Ouder ${i}`, {
        phone: `06 3000000${i}`,
        outcome: 'info_only',
        ...(i === 7 ? { categoryId: c3 } : {}),
      });
    // One workshop today (no facilitators needed): its type shows as "<5" with its reach hidden beside it.
    const types = await apiCall<{ items: { termId: string; code: string }[] }>(
      coordinator.page,
      'GET',
      '/api/activities/types',
    );
    const places = await apiCall<{ items: { id: string }[] }>(
      coordinator.page,
      'GET',
      '/api/places/municipalities',
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await apiCall(coordinator.page, 'POST', '/api/activities', {
      typeId: types.items.find((t) => t.code === 'workshop_authorities')!.termId,
      title: 'Workshop hulplijnmethode',
      date: today,
      startTime: '10:00',
      endTime: '12:30',
      municipalityId: places.items[0]!.id,
      languages: ['nl'],
      audience: 'local_authority',
      facilitatorIds: [],
    });
    const analyst = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Noor Hendriks',
      email: 'noor@hulplijn.example',
      role: 'analyst',
    });

    const page = analyst.page;
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.reports }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.reports })).toBeVisible();

    // The dashboard first: every chart with its table; the analyst sees C3 (1 request) as "<5", never as 1.
    const panel = page.getByRole('region', { name: NL.reports.dashboard.panels.requests_by_category });
    // All of this month's cells are hidden, so its published total (8) is drawn as one hatched "hidden" part.
    await expect(panel.getByTestId('report-chart').locator('.recharts-rectangle').first()).toBeVisible();
    const panelTable = panel.getByRole('table');
    expect(await panelTable.locator('thead th').allInnerTexts()).toEqual([
      NL.reports.dimensions.month,
      expect.stringMatching(/^C1 /),
      expect.stringMatching(/^C3 /),
      NL.reports.total,
    ]);
    // The organisation's month (Amsterdam), which may already be the next one in UTC.
    const thisMonth = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    const monthRow = panelTable.locator('tbody tr').filter({ hasText: thisMonth });
    // C1 (7) hidden to protect C3 (1), which is below 5; the month's total of 8 is published.
    expect(await monthRow.locator('td').allTextContents()).toEqual([
      `x${NL.reports.hiddenProtects}`,
      `<5${NL.reports.hiddenBelow.replace('{{threshold}}', '5')}`,
      '8',
    ]);
    expect(await panelTable.innerText()).not.toMatch(/\b[17]\b/);
    expect(await page.getByTestId('report-chart').count()).toBeGreaterThan(10);
    // Activities and their reach: one activity is below 5, so its attendees and hours are hidden too.
    const activities = page.getByRole('region', { name: NL.reports.dashboard.panels.activities });
    const activitiesTable = activities.getByRole('table');
    expect(await activitiesTable.locator('thead th').allInnerTexts()).toEqual([
      NL.reports.dimensions.activity_type,
      NL.reports.reach.activities,
      NL.reports.reach.attendees,
      NL.reports.reach.hours,
    ]);
    const below = `<5${NL.reports.hiddenBelow.replace('{{threshold}}', '5')}`;
    expect(await activitiesTable.locator('tbody tr td').allTextContents()).toEqual([below, below, below]);
    await expect(activities.getByText(NL.reports.legendReach)).toBeVisible();
    // Caseload per counsellor is the coordinator's: not even asked for on the analyst's dashboard.
    await expect(page.getByRole('region', { name: NL.reports.caseload.title })).toHaveCount(0);

    await page.getByRole('tab', { name: NL.reports.tabs.builder }).click();
    await expect(page.getByText(NL.reports.empty)).toBeVisible();
    await page.getByRole('combobox', { name: NL.reports.rows }).selectOption('category');
    await page.getByRole('button', { name: NL.reports.show }).click();

    const table = page.getByRole('table');
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    // C3 (1) is below 5, so C1 (7) is hidden too: the total would give it away.
    expect(await rows.locator('th').allInnerTexts()).toEqual([
      expect.stringMatching(/^C1 /),
      expect.stringMatching(/^C3 /),
    ]);
    // What a reader sees first; screen readers hear the words after it.
    expect(await rows.locator('td').allTextContents()).toEqual([
      NL.reports.hiddenProtects.replace(/^/, 'x'),
      `<5${NL.reports.hiddenBelow.replace('{{threshold}}', '5')}`,
    ]);
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+8/);
    expect(await table.innerText()).not.toMatch(/\b7\b/);

    // A cross-tabulation by municipality is refused with what to do instead.
    await page.getByRole('combobox', { name: NL.reports.rows }).selectOption('municipality');
    await page.getByRole('combobox', { name: NL.reports.columns }).selectOption('category');
    await page.getByRole('button', { name: NL.reports.show }).click();
    await expect(page.getByText(NL.fieldErrors.report_too_fine)).toBeVisible();

    await page.getByRole('combobox', { name: NL.reports.rows }).selectOption('category');
    await page.getByRole('button', { name: NL.reports.show }).click();
    await expect(rows.first()).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: NL.reports.exportCsv }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe(`${NL.reports.dimensions.category},${NL.reports.measures.requests}`);
    expect(csv.slice(1, 4)).toEqual([
      expect.stringMatching(/^C1 .*,x$/),
      expect.stringMatching(/^C3 .*,<5$/),
      'Totaal,8',
    ]);
    await expect(page.getByText(NL.reports.exported)).toBeVisible();

    // The same published table as XLSX, chosen from the export group with the keyboard.
    const exportGroup = page.getByRole('group', { name: NL.reports.exportGroup });
    await exportGroup.getByRole('button', { name: NL.reports.exportCsv }).focus();
    await page.keyboard.press('Tab');
    const xlsxButton = exportGroup.getByRole('button', { name: NL.reports.exportXlsx });
    await expect(xlsxButton).toBeFocused();
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^confidant-requests-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsxDownload.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').value).toMatch(/^C1 /);
    expect(sheet.getCell('B2').value).toBe('x');
    expect(sheet.getCell('B3').value).toBe('<5');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B4').value).toBe(8);
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.Number);
    await expect(exportGroup.getByRole('button', { name: NL.reports.exportPdf })).toBeVisible();

    // The admin raises the threshold and rounds published counts.
    await admin
      .getByRole('navigation', { name: NL.nav.mainNav })
      .getByRole('link', { name: NL.nav.aftercare })
      .click();
    const settings = admin.getByRole('form', { name: NL.reportSettings.title });
    await settings.getByRole('textbox', { name: NL.reportSettings.threshold }).fill('7');
    await settings.getByRole('checkbox', { name: NL.reportSettings.roundToFive }).check();
    await settings.getByRole('button', { name: NL.common.save }).click();
    await expect(settings.getByRole('status').filter({ hasText: NL.reportSettings.saved })).toBeVisible();

    await page.getByRole('button', { name: NL.reports.show }).click();
    await expect(page.getByText(NL.reports.legendRounded)).toBeVisible();
    // C3 is below 7 and C1 still protects it; the total 8 is published rounded to 10.
    expect(await rows.locator('td').allTextContents()).toEqual([
      NL.reports.hiddenProtects.replace(/^/, 'x'),
      `<7${NL.reports.hiddenBelow.replace('{{threshold}}', '7')}`,
    ]);
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+10/);

    expect(adminErrors).toEqual([]);
    expect(analyst.errors).toEqual([]);
    await Promise.all([adminContext.close(), analyst.context.close()]);
    coordinatorPage = coordinator;
  });

  test('a coordinator sees caseload, writes the year’s narrative and downloads the funder report', async () => {
    const page = coordinatorPage!.page;
    await page.goto('/reports');
    // Caseload per counsellor is on the coordinator's dashboard (with a table; no counsellors yet).
    await expect(
      page.getByRole('region', { name: NL.reports.caseload.title }).getByText(NL.reports.caseload.empty),
    ).toBeVisible();

    await page.getByRole('tab', { name: NL.reports.tabs.funder }).click();
    const form = page.getByRole('form', { name: NL.reports.funder.title });
    const narrative = form.getByRole('textbox', { name: NL.reports.funder.narrative });
    await narrative.fill('Dit jaar bouwden we vertrouwen op in drie nieuwe wijken.');
    await form.getByRole('button', { name: NL.common.save }).click();
    await expect(form.getByRole('status').filter({ hasText: NL.reports.funder.saved })).toBeVisible();

    // Saved on the server: a fresh page shows it.
    await page.reload();
    await page.getByRole('tab', { name: NL.reports.tabs.funder }).click();
    const reloaded = page.getByRole('textbox', { name: NL.reports.funder.narrative });
    await expect
      .poll(() => reloaded.inputValue())
      .toBe('Dit jaar bouwden we vertrouwen op in drie nieuwe wijken.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: NL.reports.funder.download }).click(),
    ]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toBe(`confidant-funder-report-${year}.pdf`);
    const { stdout } = await run('pdftotext', ['-layout', await download.path(), '-']);
    expect(stdout).toContain(`Jaarverslag ${year}`);
    expect(stdout).toContain(NL.reports.funder.headlines);
    // Eight requests this year, published under the admin's rules of the first test (threshold 7, rounded).
    expect(stdout).toMatch(new RegExp(`${escape(NL.reports.measures.requests)}\\s+10\\b`));
    expect(stdout).toContain('Dit jaar bouwden we vertrouwen op in drie nieuwe wijken.');
    await expect(page.getByText(NL.reports.funder.downloaded)).toBeVisible();
    expect(coordinatorPage!.errors).toEqual([]);
    await coordinatorPage!.context.close();
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
