/**
 * Manual visual check of the handbook: `npx tsx tests/e2e/support/screenshot-knowledge.ts` starts a fresh
 * server, and writes the handbook page, an article with its diff, the editor's preview and the case page's
 * handbook drawer, in Dutch and Arabic on a 390 px phone and a 1280 px desktop, to /tmp/shots-knowledge.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { apiCall, colleagueViaUi, makeEligibleViaApi, openCaseViaApi } from './cases';
import { setupViaUi } from './flows';
import { startServer } from './server';

const OUT = process.env.SCREENSHOT_DIR ?? '/tmp/shots-knowledge';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaUi(admin);
    const coordinator = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    const counsellor = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      role: 'counsellor',
    });
    const co = coordinator.page;
    const counsellorId = await makeEligibleViaApi(co, 'Youssef El Amrani');
    const kase = await openCaseViaApi(co, 'Moeder van K.');
    await apiCall(co, 'POST', `/api/cases/${kase.id}/assign`, { counsellorId });
    const { items } = await apiCall<{ items: { id: string; title: string }[] }>(
      co,
      'GET',
      '/api/knowledge/articles',
    );
    const signals = items.find((i) => i.title.startsWith('Signalen'))!;
    const article = await apiCall<{ body: string }>(
      co,
      'GET',
      `/api/knowledge/articles/${signals.id}?language=nl`,
    );
    await apiCall(co, 'POST', `/api/knowledge/articles/${signals.id}/versions`, {
      language: 'nl',
      title: 'Signalen en beschermende factoren in het gezin',
      body: article.body
        .replace('Eén signaal zegt weinig', 'Eén signaal op zichzelf zegt weinig')
        .replace('- Sport', '- Sport'),
    });
    for (const language of ['nl', 'ar'] as const) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const tag = `${language}-${size}`;
        for (const who of [co, counsellor.page]) {
          await who.setViewportSize(viewport);
          await who.goto('/handbook');
          const select = who.locator('header select').first();
          if ((await select.inputValue()) !== language) await select.selectOption(language);
          await who.waitForFunction((lang) => document.documentElement.lang === lang, language);
        }
        const c = counsellor.page;
        await c.goto('/handbook');
        await c
          .getByRole('link')
          .filter({ hasText: /Signalen|العلامات/ })
          .first()
          .waitFor();
        await c.getByRole('searchbox').fill(language === 'ar' ? 'ابنك' : 'gesprekken');
        await c.getByRole('searchbox').press('Enter');
        await c.locator('mark').first().waitFor();
        await shoot(c, `handbook-${tag}`);
        await c.goto(`/cases/${kase.id}`);
        await c
          .getByRole('navigation', { name: /Handboek|الدليل/ })
          .getByRole('button')
          .last()
          .click();
        const drawer = c.getByRole('dialog');
        await drawer.getByRole('searchbox').fill(language === 'ar' ? 'الموافقة' : 'toestemming');
        await drawer.getByRole('searchbox').press('Enter');
        await drawer.locator('mark').first().waitFor();
        await shoot(c, `case-drawer-search-${tag}`);
        await drawer.getByRole('list').getByRole('button').first().click();
        await drawer.locator('h2').first().waitFor();
        await shoot(c, `case-drawer-article-${tag}`);

        await co.goto(`/handbook/${signals.id}`);
        await co.getByRole('heading', { level: 1 }).waitFor();
        await co.getByRole('button', { name: /Versies|النسخ/ }).click();
        await co.getByRole('button', { name: /veranderd|تغيّر/ }).click();
        await co.locator('ins').first().waitFor();
        await shoot(co, `article-diff-${tag}`);
        await co.getByRole('button', { name: /^(Bewerken|تحرير)$/ }).click();
        await co.getByRole('tab', { name: /Voorbeeld|معاينة/ }).click();
        await shoot(co, `editor-preview-${tag}`);
        await co.keyboard.press('Escape');
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
