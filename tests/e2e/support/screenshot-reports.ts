/**
 * Manual visual check of the reports pages: `npx tsx tests/e2e/support/screenshot-reports.ts` starts a fresh
 * server, seeds a few dozen requests, and shoots the dashboard, the report builder and the funder report as a
 * coordinator and an analyst, in Dutch and Arabic, on a 390 px phone and a 1280 px desktop (PNGs in
 * SCREENSHOT_DIR or /tmp/shots).
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { apiCall, colleagueViaUi, makeEligibleViaApi, openCaseViaApi, termId } from './cases';
import { setupViaUi } from './flows';
import { startServer } from './server';
import { newContext } from './browser';

const OUT = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  // The first screens on their own too: a whole dashboard on a phone is too tall to look at in one image.
  const width = page.viewportSize()!.width;
  for (let k = 0; k < 3; k++)
    await page.screenshot({
      path: `${OUT}/${name}-part${k + 1}.png`,
      fullPage: true,
      clip: { x: 0, y: k * 1100, width, height: 1100 },
    });
}

async function setLanguage(page: Page, language: string) {
  await page.locator('header select').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaUi(admin);
    const coordinator = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      role: 'counsellor',
    });
    const co = coordinator.page;
    const counsellorId = await makeEligibleViaApi(co, 'Youssef El Amrani');
    const categories = ['C1', 'C1', 'C1', 'C2', 'C1', 'C2', 'C2', 'C9', 'C1', 'C2', 'C2', 'C1', 'C3'];
    const channels = ['phone', 'whatsapp', 'phone', 'phone', 'email', 'phone', 'whatsapp'];
    for (const [i, code] of categories.entries()) {
      const opened = await openCaseViaApi(co, `Ouder ${i}`, {
        phone: `06 400000${String(i).padStart(2, '0')}`,
        categoryId: await termId(co, 'category', code),
        channel: channels[i % channels.length],
        outcome: i % 4 === 3 ? 'info_only' : 'open_case',
        municipality: i % 3 === 0 ? 'Amersfoort' : 'Utrecht',
      });
      if (i < 3) await apiCall(co, 'POST', `/api/cases/${opened.id}/assign`, { counsellorId });
    }
    await apiCall(co, 'PUT', '/api/reports/funder', {
      year: new Date().getFullYear(),
      narrative: 'Dit jaar bouwden we vertrouwen op in drie nieuwe wijken.\n\nDank aan onze vrijwilligers.',
    });
    for (const language of ['nl', 'ar'] as const)
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        for (const role of ['coordinator', 'analyst'] as const) {
          if (role === 'analyst' && size === 'phone') continue;
          const who =
            role === 'coordinator'
              ? coordinator
              : await colleagueViaUi(
                  browser,
                  server.baseUrl,
                  admin,
                  {
                    name: `Analist ${language}${size}`,
                    email: `analist.${language}.${size}@hulplijn.example`,
                    role: 'analyst',
                  },
                  viewport,
                );
          const page = who.page;
          await page.setViewportSize(viewport);
          await page.goto('/reports');
          await setLanguage(page, language);
          await page.getByTestId('report-chart').first().waitFor();
          await shoot(page, `reports-dashboard-${role}-${language}-${size}`);
          await page.getByRole('tab').nth(2).click();
          await page.getByRole('button').filter({ hasText: /pdf/i }).waitFor();
          await shoot(page, `reports-funder-${role}-${language}-${size}`);
          await page.getByRole('tab').nth(0).click();
        }
      }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
