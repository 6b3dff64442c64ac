import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext } from './support/browser';
import { apiCall, caseCount } from './support/cases';
import type { Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const I = NL.intake;

/** Keyboard only, and every key counted. */
function keyboard(page: Page) {
  let presses = 0;
  const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
  return {
    presses: () => presses,
    type: async (text: string) => {
      await page.keyboard.type(text);
      presses += text.length;
    },
    press: async (key: string) => {
      await page.keyboard.press(key);
      presses += 1;
    },
    /** Tab forward until the target has focus (a user reading the screen knows how many). */
    tabTo: async (target: Locator) => {
      for (let i = 0; i < 60; i += 1) {
        if (await isFocused(target)) return;
        await page.keyboard.press('Tab');
        presses += 1;
      }
      throw new Error('Could not tab to the target');
    },
    isFocused,
  };
}

test.describe('intake', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    coordinator = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    await adminContext.close();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a coordinator takes a call with the keyboard only (timer, relative, signals) and opens a case', async () => {
    const page = coordinator.page;
    await test.step('intake-keyboard', async () => {
      // The category list must have arrived before the category is typed (as it has for a person).
      const terms = page.waitForResponse((r) => r.url().endsWith('/api/taxonomies') && r.ok());
      await page.goto('/intake');
      await terms;
      const alias = page.getByRole('textbox', { name: I.callerAlias });
      await expect(alias).toBeVisible();
      const keys = keyboard(page);
      await expect.poll(() => keys.isFocused(alias)).toBe(true);
      const started = Date.now();
      let fields = 0;

      await keys.type('Moeder van S.');
      fields += 1;
      await keys.tabTo(page.getByRole('textbox', { name: I.phone }));
      await keys.type('0612345678');
      fields += 1;
      await keys.tabTo(page.getByRole('combobox', { name: I.category }));
      await keys.type('vertrek');
      await keys.press('Enter');
      fields += 1;
      await keys.tabTo(page.getByRole('textbox', { name: I.summary }));
      await keys.type('Zoon (17) praat steeds vaker over vertrek naar Syrië; moeder is bang.');
      fields += 1;
      // The relative: relation, alias, age band and status (native selects: type the first letters).
      await keys.tabTo(page.getByRole('combobox', { name: I.relation }));
      await keys.type('M');
      await keys.tabTo(page.getByRole('textbox', { name: I.relative.alias }));
      await keys.type('S.');
      await keys.tabTo(page.getByRole('combobox', { name: I.relative.ageBand }));
      await keys.type('16');
      await keys.tabTo(page.getByRole('combobox', { name: I.relative.status }));
      await keys.type('T');
      fields += 4;
      // Two signals and one protective factor, ticked from the organisation's lists.
      for (const label of [
        'Trekt zich terug van familie en vrienden',
        'Praat over vertrekken naar een conflictgebied',
        'Goed contact met een ouder of familielid',
      ]) {
        await keys.tabTo(page.getByRole('checkbox', { name: label }));
        await keys.press('Space');
        fields += 1;
      }
      // The timer started with the first key and fills the duration (a started minute counts).
      const duration = page.getByRole('spinbutton', { name: I.duration });
      await expect(duration).toHaveValue('1');
      expect(await page.getByTestId('call-timer').textContent()).toMatch(/^0\d:[0-5]\d$/);
      await keys.tabTo(page.getByRole('radio', { name: I.outcomes.info_only }));
      await keys.press('ArrowDown');
      fields += 1;
      await expect(page.getByRole('radio', { name: I.outcomes.open_case })).toBeChecked();
      await keys.tabTo(page.getByRole('checkbox', { name: I.confidentiality }));
      await keys.press('Space');
      fields += 1;
      await keys.press('Enter');

      const caseLink = page.getByRole('link', { name: /^Casus .+ openen$/ });
      await expect(caseLink).toBeVisible();
      const ms = Date.now() - started;
      const reference = ((await caseLink.textContent()) ?? '').replace(/^Casus (.+) openen$/, '$1');
      await expect(page.getByText(I.savedCase.replace('{{reference}}', reference))).toBeVisible();
      console.warn(`INTAKE_KEYS fields=${fields} keypresses=${keys.presses()} ms=${ms}`);

      // The link has focus: Enter opens the case.
      expect(await keys.isFocused(caseLink)).toBe(true);
      await keys.press('Enter');
      await expect(
        page.getByRole('heading', { level: 1, name: NL.case.title.replace('{{reference}}', reference) }),
      ).toBeVisible();
      expect(await caseCount(page)).toBe(1);
      const caseId = new URL(page.url()).pathname.split('/').pop()!;
      const detail = await apiCall<{
        subjects: { alias: string; ageBand: string }[];
        statusEvents: { status: string }[];
        observations: { kind: string }[];
        log: { durationMinutes: number | null }[];
      }>(page, 'GET', `/api/cases/${caseId}`);
      expect(detail.subjects).toEqual([expect.objectContaining({ alias: 'S.', ageBand: '16_17' })]);
      expect(detail.statusEvents.map((e) => e.status)).toEqual(['at_home']);
      expect(detail.observations.map((o) => o.kind).sort()).toEqual(['protective', 'signal', 'signal']);
      expect(detail.log[0]?.durationMinutes).toBeGreaterThanOrEqual(1);

      // Nothing of the call is left in the browser's storage.
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      expect(stored).not.toContain('Moeder');
      expect(stored).not.toContain('0612345678');
    });
    expect(coordinator.errors).toEqual([]);
  });

  test('a retried or double save makes one case', async () => {
    const page = coordinator.page;
    await test.step('intake-retry', async () => {
      const before = await caseCount(page);
      const terms = page.waitForResponse((r) => r.url().endsWith('/api/taxonomies') && r.ok());
      await page.goto('/intake');
      await terms;
      await page.getByRole('textbox', { name: I.callerAlias }).fill('Vader K.');
      // The timer pauses and resumes.
      const timer = page.getByTestId('call-timer');
      await expect.poll(() => timer.textContent(), { timeout: 3000 }).not.toBe('00:00');
      await page.getByRole('button', { name: I.timer.pause }).click();
      const paused = await timer.textContent();
      await page.waitForTimeout(1200);
      expect(await timer.textContent()).toBe(paused);
      await page.getByRole('button', { name: I.timer.resume }).click();
      await expect.poll(() => timer.textContent(), { timeout: 3000 }).not.toBe(paused);

      await page.getByRole('combobox', { name: I.category }).fill('C9');
      // Pick the option itself: Enter right after fill() can beat the combobox marking its first match.
      await page.getByRole('option', { name: /^C9 / }).click();
      await page.getByRole('textbox', { name: I.summary }).fill('Vraagt om informatie over signalen.');
      await page.getByRole('radio', { name: I.outcomes.open_case }).check();
      await page.getByRole('checkbox', { name: I.confidentiality }).check();

      // The first answer is lost on the way back (the server did save): the client retries with the same id.
      let calls = 0;
      await page.route('**/api/intake', async (route) => {
        calls += 1;
        if (calls === 1) {
          await route.fetch();
          await route.abort('failed');
        } else {
          await route.continue();
        }
      });
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('link', { name: /^Casus .+ openen$/ })).toBeVisible();
      await page.unroute('**/api/intake');
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(await caseCount(page)).toBe(before + 1);

      // The next call starts empty, with a new request id.
      await page.getByRole('button', { name: I.nextCall }).click();
      await expect(page.getByRole('textbox', { name: I.callerAlias })).toHaveValue('');
    });
  });
});
