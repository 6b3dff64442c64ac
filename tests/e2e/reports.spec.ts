import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, trackErrors } from './support/browser';
import { colleagueViaUi, openCaseViaApi, termId } from './support/cases';
import { NL, setupViaUi } from './support/flows';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

describe('reports', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an analyst builds a report, sees small counts hidden, and exports it; the admin tightens the rules', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    const adminErrors = trackErrors(admin);
    await setupViaUi(admin);
    const coordinator = await colleagueViaUi(browser, server.baseUrl, admin, {
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
    const analyst = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Noor Hendriks',
      email: 'noor@hulplijn.example',
      role: 'analyst',
    });

    const page = analyst.page;
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.reports }).click();
    await page.getByRole('heading', { level: 1, name: NL.titles.reports }).waitFor();
    await page.getByText(NL.reports.empty).waitFor();
    await page.getByRole('combobox', { name: NL.reports.rows }).selectOption('category');
    await page.getByRole('button', { name: NL.reports.show }).click();

    const table = page.getByRole('table');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
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
    await page.getByText(NL.fieldErrors.report_too_fine).waitFor();

    await page.getByRole('combobox', { name: NL.reports.rows }).selectOption('category');
    await page.getByRole('button', { name: NL.reports.show }).click();
    await rows.first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: NL.reports.exportCsv }).click(),
    ]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe(`${NL.reports.dimensions.category},${NL.reports.measures.requests}`);
    expect(csv.slice(1, 4)).toEqual([
      expect.stringMatching(/^C1 .*,x$/),
      expect.stringMatching(/^C3 .*,<5$/),
      'Totaal,8',
    ]);
    await page.getByText(NL.reports.exported).waitFor();

    // The same published table as XLSX, chosen from the export group with the keyboard.
    const exportGroup = page.getByRole('group', { name: NL.reports.exportGroup });
    await exportGroup.getByRole('button', { name: NL.reports.exportCsv }).focus();
    await page.keyboard.press('Tab');
    const xlsxButton = exportGroup.getByRole('button', { name: NL.reports.exportXlsx });
    expect(await xlsxButton.evaluate((el) => el === document.activeElement)).toBe(true);
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^confidant-requests-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsxDownload.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').value).toMatch(/^C1 /);
    expect(sheet.getCell('B2').value).toBe('x');
    expect(sheet.getCell('B3').value).toBe('<5');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B4').value).toBe(8);
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.Number);
    await exportGroup.getByRole('button', { name: NL.reports.exportPdf }).waitFor();

    // The admin raises the threshold and rounds published counts.
    await admin
      .getByRole('navigation', { name: NL.nav.mainNav })
      .getByRole('link', { name: NL.nav.aftercare })
      .click();
    const settings = admin.getByRole('form', { name: NL.reportSettings.title });
    await settings.getByRole('textbox', { name: NL.reportSettings.threshold }).fill('7');
    await settings.getByRole('checkbox', { name: NL.reportSettings.roundToFive }).check();
    await settings.getByRole('button', { name: NL.common.save }).click();
    await settings.getByRole('status').filter({ hasText: NL.reportSettings.saved }).waitFor();

    await page.getByRole('button', { name: NL.reports.show }).click();
    await page.getByText(NL.reports.legendRounded).waitFor();
    // C3 is below 7 and C1 still protects it; the total 8 is published rounded to 10.
    expect(await rows.locator('td').allTextContents()).toEqual([
      NL.reports.hiddenProtects.replace(/^/, 'x'),
      `<7${NL.reports.hiddenBelow.replace('{{threshold}}', '7')}`,
    ]);
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+10/);

    expect(adminErrors).toEqual([]);
    expect(analyst.errors).toEqual([]);
    await Promise.all([adminContext.close(), coordinator.context.close(), analyst.context.close()]);
  });
});
