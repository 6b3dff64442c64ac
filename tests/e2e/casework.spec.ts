import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext } from './support/browser';
import { makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { fillIn } from './support/consent';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const PHONE = { width: 390, height: 844 };

test.describe('case work', () => {
  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;
  let counsellorA: Colleague;
  let counsellorB: Colleague;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor', phone = false) =>
      colleagueViaApi(browser, server.baseUrl, admin, { name, email, role }, phone ? PHONE : undefined);
    coordinator = await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator');
    counsellorA = await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor', true);
    counsellorB = await invite('Leyla Demir', 'leyla@hulplijn.example', 'counsellor');
    await adminContext.close();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('coordinator assigns, counsellor works the case on a phone and closes it into aftercare', async () => {
    const { id, reference } = await openCaseViaApi(coordinator.page, 'Moeder van R.');
    await makeEligibleViaApi(coordinator.page, 'Karim Bouali');
    const caseHeading = NL.case.title.replace('{{reference}}', reference);

    // Coordinator: the new case is unassigned on their home; assign counsellor A from the case page.
    const cp = coordinator.page;
    await test.step('casework-assign', async () => {
      await cp.goto('/');
      await cp
        .getByRole('region', { name: NL.work.unassigned })
        .getByRole('link', { name: reference })
        .click();
      await expect(cp.getByRole('heading', { level: 1, name: caseHeading })).toBeVisible();
      const assign = cp.getByRole('button', { name: NL.assign.assign, exact: true });
      // Escape closes the dialog and puts focus back on the button that opened it.
      await assign.click();
      await expect(cp.getByRole('dialog', { name: NL.assign.title })).toBeVisible();
      await cp.keyboard.press('Escape');
      await expect(cp.getByRole('dialog', { name: NL.assign.title })).toBeHidden();
      await expect(assign).toBeFocused();
      await assign.click();
      const dialog = cp.getByRole('dialog', { name: NL.assign.title });
      const select = dialog.getByRole('combobox', { name: NL.assign.counsellor });
      await select.locator('option', { hasText: 'Karim Bouali' }).waitFor({ state: 'attached' });
      await select.selectOption({
        label: NL.assign.option.replace('{{name}}', 'Karim Bouali').replace('{{n}}', '0'),
      });
      await dialog.getByRole('button', { name: NL.assign.submit }).click();
      await expect(dialog).toBeHidden();
      await expect(cp.getByText(NL.caseStates.active, { exact: true }).first()).toBeVisible();
      await expect(cp.getByText('Karim Bouali').first()).toBeVisible();
    });

    // Counsellor A on a phone: "my families" first, then the case.
    const page = counsellorA.page;
    await test.step('casework-counsellor', async () => {
      await page.goto('/');
      const families = page.getByRole('region', { name: NL.work.myFamilies });
      await families.getByRole('link', { name: reference }).click();
      await expect(page.getByRole('heading', { level: 1, name: caseHeading })).toBeVisible();
      // Only the counsellor's moves: no assigning, no "to matching".
      await expect(page.getByRole('button', { name: NL.assign.reassign })).toHaveCount(0);
      await expect(page.getByRole('button', { name: NL.transitions.to.matching })).toHaveCount(0);

      // Quick contact log, reached from the header.
      await page.getByRole('button', { name: NL.log.add }).click();
      const log = page.getByRole('form', { name: NL.log.formLabel });
      await expect(log.getByLabel(NL.log.when)).toBeFocused();
      await log.getByRole('spinbutton', { name: NL.log.duration }).fill('20');
      await log.getByRole('textbox', { name: NL.log.withWhom }).fill('moeder');
      await log
        .getByRole('textbox', { name: NL.log.note })
        .fill('Moeder is rustiger; zoon wil met de imam praten.');
      await log.getByRole('button', { name: NL.log.save }).click();
      // Saved: the form empties, and the entry is in the log (it can render a moment before the form
      // empties, so it is looked for as a paragraph, not as any text on the page).
      await expect(log.getByRole('textbox', { name: NL.log.note })).toHaveValue('');
      await expect(
        page
          .getByRole('region', { name: NL.log.title, exact: true })
          .getByRole('paragraph')
          .filter({ hasText: 'Moeder is rustiger; zoon wil met de imam praten.' }),
      ).toBeVisible();

      // The tabs by keyboard: from the contacts tab (where "log a contact" led), two arrows to the plan.
      const tab = (name: keyof typeof NL.caseTabs) => page.getByRole('tab', { name: NL.caseTabs[name] });
      await expect(tab('contacts')).toHaveAttribute('aria-selected', 'true');
      await tab('contacts').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(tab('plan')).toBeFocused();
      await expect(tab('plan')).toHaveAttribute('aria-selected', 'true');
      expect(new URL(page.url()).search).toBe('?tab=plan');

      // An intervention (I3, link to a theologian).
      const interventions = page.getByRole('form', { name: NL.interventions.add });
      const pick = interventions.getByRole('combobox', { name: NL.interventions.intervention });
      await pick.selectOption({
        label: (await pick.locator('option', { hasText: /^I3 ·/ }).textContent()) ?? '',
      });
      await interventions
        .getByRole('textbox', { name: NL.interventions.note })
        .fill('Afspraak met imam gemaakt');
      await interventions.getByRole('button', { name: NL.interventions.save }).click();
      await expect(page.getByRole('cell', { name: 'Afspraak met imam gemaakt' })).toBeVisible();

      // Any part is one key away in the tab row: 5 opens the tasks, 1 goes back to the overview.
      await tab('plan').focus();
      await page.keyboard.press('5');
      await expect(tab('tasks')).toHaveAttribute('aria-selected', 'true');
      await expect(tab('tasks')).toBeFocused();
      expect(new URL(page.url()).search).toBe('?tab=tasks');
      await page.keyboard.press('1');
      await expect(tab('overview')).toHaveAttribute('aria-selected', 'true');

      // Support level, then close into aftercare with a closure code.
      await page.getByRole('combobox', { name: NL.case.supportLevel }).selectOption('intensive');
      await expect(
        page.getByRole('combobox', { name: NL.case.supportLevel }).and(page.locator(':enabled')),
      ).toBeVisible();
      await page.getByRole('button', { name: NL.transitions.to.aftercare }).click();
      const closing = page.getByRole('dialog', { name: NL.transitions.title.aftercare });
      await closing
        .getByRole('combobox', { name: NL.transitions.closure })
        .selectOption({ label: 'Doel bereikt' });
      await closing.getByRole('button', { name: NL.transitions.to.aftercare }).click();
      await expect(closing).toBeHidden();
      await expect(page.getByText(NL.caseStates.aftercare, { exact: true }).first()).toBeVisible();

      // The timeline on the overview: the intake call, the assignment and the change of state, newest first.
      const timeline = page.getByRole('region', { name: NL.caseTimeline.title });
      const entries = timeline.getByRole('listitem');
      const stateChange = fillIn(NL.caseTimeline.state, {
        from: NL.caseStates.active,
        to: NL.caseStates.aftercare,
      });
      await expect(timeline.getByText(stateChange)).toBeVisible();
      await expect(
        timeline.getByText(fillIn(NL.caseTimeline.intake, { channel: NL.channels.phone })),
      ).toBeVisible();
      await expect(
        timeline.getByText(fillIn(NL.caseTimeline.assigned, { name: 'Karim Bouali' })),
      ).toBeVisible();
      expect(await entries.first().textContent()).toContain(stateChange);
      await expect(timeline.getByText(NL.caseTimeline.opened)).toBeVisible();
      // Typed facts only: the note of the contact stays in the contacts tab.
      expect(await timeline.textContent()).not.toContain('rustiger');

      // Aftercare check-ins on the tasks tab (intensive: 8) and, the first one, on A's home.
      await tab('tasks').click();
      expect(new URL(page.url()).search).toBe('?tab=tasks');
      const tasks = page.getByRole('region', { name: NL.tasks.title });
      const first = NL.tasks.aftercareCheck.replace('{{n}}', '1').replace('{{total}}', '8');
      await expect(tasks.getByRole('checkbox', { name: first })).toBeVisible();
      await expect(tasks.getByRole('checkbox', { name: /Nazorgcontact \d van 8/ })).toHaveCount(8);
      await page.goto('/');
      await expect(
        page.getByRole('region', { name: NL.work.myTasks }).getByRole('link', { name: first }),
      ).toBeVisible();
      await expect(page.getByRole('region', { name: NL.work.next }).getByText(first)).toBeVisible();
    });

    // Counsellor B: the case does not exist for them, in the UI and in the API.
    const other = counsellorB.page;
    await other.goto(`/cases/${id}`);
    await expect(other.getByRole('heading', { name: NL.case.notFound })).toBeVisible();
    await expect(other.getByText(reference)).toHaveCount(0);
    const response = await counsellorB.context.request.get(`/api/cases/${id}`);
    expect(response.status()).toBe(404);

    for (const person of [coordinator, counsellorA, counsellorB]) expect(person.errors).toEqual([]);
  });
});
