import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { apiCall } from './support/cases';
import { NL } from './support/flows';
import { setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const NAME = 'Sociaal wijkteam Utrecht-West';
const named = (text: string) => text.replace('{{name}}', NAME);

test.describe('partner directory', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('the admin adds a partner, finds it, retires it and sees it only with "show retired"', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await setupViaApi(page);

    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.partners }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.partners })).toBeVisible();
    await expect(page).toHaveTitle(`${NL.titles.partners} · Confidant`);
    await expect(page.getByText(NL.partners.empty)).toBeVisible();

    // Add the partner through the modal.
    await page.getByRole('button', { name: NL.partners.add }).click();
    const form = page.getByRole('dialog', { name: NL.partners.addTitle });
    await form.getByRole('textbox', { name: NL.partners.name, exact: true }).fill(NAME);
    await form
      .getByRole('combobox', { name: NL.partners.type, exact: true })
      .selectOption('social_district_team');
    await form.getByRole('textbox', { name: NL.partners.municipality, exact: true }).fill('Utrecht');
    const languages = form.getByLabel(NL.partners.languages, { exact: true });
    for (const code of ['nl', 'ary']) {
      await languages.fill(code);
      await languages.press('Enter');
    }
    await form
      .getByRole('textbox', { name: NL.partners.secureContact, exact: true })
      .fill('Beveiligde mail via Zivver');
    await form.getByRole('textbox', { name: NL.partners.contactPerson, exact: true }).fill('Petra de Vries');
    await form.getByRole('button', { name: NL.common.save }).click();
    await expect(form).toBeHidden();

    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: new RegExp(NAME) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(NL.partners.types.social_district_team, { useInnerText: true });
    await expect(row).toContainText('Utrecht', { useInnerText: true });
    await expect(row).toContainText('nl, ary', { useInnerText: true });

    const { items } = await apiCall<{ items: { name: string; type: string; languages: string[] }[] }>(
      page,
      'GET',
      '/api/partners',
    );
    expect(items).toMatchObject([{ name: NAME, type: 'social_district_team', languages: ['nl', 'ary'] }]);

    // Search finds it; a search for something else does not.
    const search = page.getByRole('searchbox', { name: NL.partners.search });
    await search.fill('zzz-nergens');
    await expect(page.getByText(NL.partners.noMatches)).toBeVisible();
    await search.fill('wijkteam');
    await expect(row).toBeVisible();

    // Retire it, with confirmation.
    await row.getByRole('button', { name: named(NL.partners.retireFor) }).click();
    const confirm = page.getByRole('dialog', { name: named(NL.partners.confirm.retire.title) });
    await confirm.getByRole('button', { name: NL.partners.retire, exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(NL.partners.noMatches)).toBeVisible();
    await expect(row).toHaveCount(0);

    // Only "show retired" brings it back, marked as retired, with a way to restore it.
    await page.getByRole('switch', { name: NL.partners.showRetired }).check();
    await expect(row).toBeVisible();
    await expect(row).toContainText(NL.partners.retired, { useInnerText: true });
    await expect(row.getByRole('button', { name: named(NL.partners.restoreFor) })).toBeVisible();

    expect(errors).toEqual([]);
    await context.close();
  });
});
