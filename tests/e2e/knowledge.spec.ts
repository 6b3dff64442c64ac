import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const TALKING = 'In gesprek met een kind dat radicaliseert';
const SIGNALS = 'Signalen en beschermende factoren';

test.describe('handbook', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;
  let counsellor: Colleague;
  let caseRef: { id: string; reference: string };

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaApi(admin);
    coordinator = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    counsellor = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      role: 'counsellor',
    });
    const counsellorId = await makeEligibleViaApi(coordinator.page, 'Youssef El Amrani');
    // Request category C1 (signals of radicalising behaviour): the starter handbook links three articles to it.
    caseRef = await openCaseViaApi(coordinator.page, 'Moeder van K.');
    await apiCall(coordinator.page, 'POST', `/api/cases/${caseRef.id}/assign`, { counsellorId });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a counsellor opens the handbook from their case, searches it and reads an article without leaving the case', async () => {
    const page = counsellor.page;
    const errors = trackErrors(page);
    const searchBodies: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/knowledge/search')) searchBodies.push(request.postData() ?? '');
    });
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.myCases }).click();
    await page.getByRole('link', { name: caseRef.reference }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseRef.id}`);

    // The articles for the case's request category, as links on the case page.
    const links = page.getByRole('navigation', { name: NL.knowledge.caseLinks.label });
    await expect(links.getByRole('button', { name: TALKING })).toBeVisible();
    await links.getByRole('button', { name: SIGNALS }).click();
    const drawer = page.getByRole('dialog', { name: NL.knowledge.drawer.title });
    await expect(drawer.getByRole('heading', { name: SIGNALS })).toBeVisible();
    await drawer.getByRole('button', { name: NL.knowledge.drawer.backToSearch }).click();

    // Search: "gesprekken" finds the article that speaks of "gesprek" (the Dutch stemmer), highlighted.
    await drawer.getByRole('searchbox', { name: NL.knowledge.search.label }).fill('gesprekken');
    await drawer.getByRole('button', { name: NL.knowledge.search.submit, exact: true }).click();
    const hit = drawer.getByRole('list').getByRole('button', { name: new RegExp(TALKING) });
    await expect(hit).toBeVisible();
    expect(await hit.locator('mark').first().innerText()).toMatch(/^gesprek/i);
    await hit.click();
    await expect(drawer.getByRole('heading', { name: TALKING })).toBeVisible();
    await expect(drawer.getByText('Blijf in gesprek.')).toBeVisible();

    // Still on the case, and the term went in a POST body, never the address.
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseRef.id}`);
    expect(page.url()).not.toContain('gesprekken');
    expect(searchBodies.some((body) => body.includes('gesprekken'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(links).toBeVisible();

    // The Handbook page is in the navigation for counsellors too, read-only.
    await nav.getByRole('link', { name: NL.nav.handbook }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.handbook })).toBeVisible();
    await page.getByRole('link', { name: TALKING }).click();
    await expect(page.getByRole('heading', { level: 1, name: TALKING })).toBeVisible();
    await expect(page.getByRole('button', { name: NL.knowledge.article.edit })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a coordinator edits an article, previews it and sees what changed', async () => {
    const page = coordinator.page;
    const errors = trackErrors(page);
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.handbook }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.handbook })).toBeVisible();
    await page.getByRole('link', { name: SIGNALS }).click();
    await expect(page.getByRole('heading', { level: 1, name: SIGNALS })).toBeVisible();

    await page.getByRole('button', { name: NL.knowledge.article.edit }).click();
    const editor = page.getByRole('dialog');
    const body = editor.getByRole('textbox', { name: NL.knowledge.editor.body });
    const text = await body.inputValue();
    expect(text).toContain('Eén signaal zegt weinig');
    await body.fill(text.replace('Eén signaal zegt weinig', 'Eén signaal op zichzelf zegt weinig'));

    // Escape asks before throwing the change away; "keep editing" goes back to the form.
    await page.keyboard.press('Escape');
    await editor.getByRole('button', { name: NL.common.keepEditing }).click();
    await editor.getByRole('tab', { name: NL.knowledge.editor.preview }).click();
    const preview = editor.getByRole('tabpanel', { name: NL.knowledge.editor.preview });
    await expect(preview.getByText('Eén signaal op zichzelf zegt weinig')).toBeVisible();
    await expect(preview.getByRole('heading', { name: 'Beschermende factoren', exact: true })).toBeVisible();
    await editor.getByRole('button', { name: NL.knowledge.editor.save }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'versie 2' })).toBeVisible();

    await page.getByRole('button', { name: NL.knowledge.article.showHistory }).click();
    const history = page.getByRole('table');
    await expect(history.getByRole('row', { name: /Samira Haddou/ })).toBeVisible();
    await expect(history.getByRole('row', { name: new RegExp(NL.knowledge.history.starter) })).toBeVisible();
    await page.getByRole('button', { name: NL.knowledge.history.compare }).click();
    await expect(page.getByText('2 woorden toegevoegd, 0 woorden verwijderd.')).toBeVisible();
    // Marked as an insertion for screen readers and by sign and underline, not by colour alone.
    const inserted = await page.locator('ins').allTextContents();
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.replace(/\s+/g, ' ').trim()).toMatch(
      new RegExp(`^${NL.knowledge.diff.addedMark}\\+ ?op zichzelf$`),
    );
    await expect(page.locator('del')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
