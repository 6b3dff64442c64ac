/**
 * Every staff form saves for every role the UI shows it to (issue 9): each row of the table below is one form
 * and the roles that see it; each pair is one test that fills the form in the browser, saves, and waits for
 * the confirmation without an error on screen. A form a role sees but cannot save fails here.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import { fillIn, partnerViaApi, pickPartner, recordConsentViaUi, showCaseTab } from './support/consent';
import { errorAlertCount, savedStatus } from './support/forms';
import { inviteViaUi, NL } from './support/flows';
import { acceptInviteViaApi, colleagueViaApi, inviteViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

type StaffRole = 'admin' | 'coordinator' | 'counsellor' | 'privacy_officer';

interface World {
  counsellorId: string;
  /** The case each case-working role works on: the coordinator's unassigned one, the counsellor's own. */
  caseIds: Partial<Record<StaffRole, string>>;
  /** A partner per role, for its consent and then its referral. */
  partners: Partial<Record<StaffRole, string>>;
  /** The colleague the admin invited in the invitation form, renamed in the user form. */
  invited: string;
  /** A number unique to this run of a form, so repeated saves differ. */
  n: number;
}

interface FormCase {
  form: string;
  roles: readonly StaffRole[];
  save: (page: Page, role: StaffRole, world: World) => Promise<void>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

/** The counsellor's matching profile: a manager on /counsellors/:id, the counsellor on /my-profile. */
async function saveCounsellorProfile(page: Page, role: StaffRole, world: World) {
  const self = role === 'counsellor';
  await page.goto(self ? '/my-profile' : `/counsellors/${world.counsellorId}`);
  await heading(page, self ? NL.titles.myProfile : 'Karim Bouali');
  const form = page.getByRole('form', { name: NL.counsellors.profileForm });
  if (self) {
    // The background is the counsellor's own to declare.
    await form.getByRole('checkbox').first().check();
  } else {
    await form.getByRole('spinbutton', { name: NL.counsellors.maxCases }).fill(String(2 + world.n));
    await form.getByLabel(NL.counsellors.vogIssued, { exact: true }).fill(day(-10));
    await form.getByLabel(NL.counsellors.vogExpires, { exact: true }).fill(day(700));
  }
  await form.getByRole('button', { name: NL.counsellors.save }).click();
  await savedStatus(page, NL.counsellors.saved);
  if (!self) {
    // The self-declared background is shown to a manager, but is not a field they can change.
    await expect(form.getByRole('group', { name: NL.counsellors.backgrounds })).toHaveCount(1);
    await expect(form.getByRole('checkbox')).toHaveCount(0);
  }
}

/** Opens the role's case and waits for its heading. */
async function openCase(page: Page, role: StaffRole, world: World) {
  await page.goto(`/cases/${world.caseIds[role]}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible();
}

const CASES: readonly FormCase[] = [
  { form: 'counsellor profile', roles: ['coordinator', 'admin', 'counsellor'], save: saveCounsellorProfile },
  {
    form: 'counsellor absence',
    roles: ['coordinator', 'admin', 'counsellor'],
    save: async (page, role, world) => {
      const self = role === 'counsellor';
      await page.goto(self ? '/my-profile' : `/counsellors/${world.counsellorId}`);
      const form = page.getByRole('form', { name: NL.counsellors.addAbsence });
      await form.getByLabel(NL.counsellors.from, { exact: true }).fill(day(10 * world.n));
      await form.getByLabel(NL.counsellors.to, { exact: true }).fill(day(10 * world.n + 2));
      await form.getByRole('button', { name: NL.counsellors.addAbsence }).click();
      await expect(
        page
          .getByRole('button', { name: new RegExp(`^${NL.counsellors.removeAbsenceFor.split(':')[0]}`) })
          .nth(world.n - 1),
      ).toBeVisible();
    },
  },
  {
    form: 'own profile',
    roles: ['admin', 'coordinator', 'counsellor', 'privacy_officer'],
    save: async (page) => {
      await page.goto('/profile');
      await heading(page, NL.titles.profile);
      const name = page.getByRole('textbox', { name: NL.profile.displayName });
      await name.fill(`${await name.inputValue()} `);
      await page.getByRole('button', { name: NL.common.save }).first().click();
      await savedStatus(page, NL.profile.saved);
    },
  },
  {
    form: 'partner',
    roles: ['admin', 'coordinator'],
    save: async (page, role) => {
      const name = `Wijkteam ${role}`;
      await page.goto('/partners');
      await page.getByRole('button', { name: NL.partners.add }).click();
      const dialog = page.getByRole('dialog', { name: NL.partners.addTitle });
      await dialog.getByRole('textbox', { name: NL.partners.name, exact: true }).fill(name);
      await dialog
        .getByRole('combobox', { name: NL.partners.type, exact: true })
        .selectOption('social_district_team');
      await dialog.getByRole('button', { name: NL.common.save }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    },
  },
  {
    form: 'aftercare schedule',
    roles: ['admin'],
    save: async (page) => {
      await page.goto('/settings/aftercare');
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: NL.common.save }) });
      await form.first().getByRole('button', { name: NL.common.save }).click();
      await savedStatus(page, NL.aftercare.saved);
    },
  },
  {
    form: 'matching weights',
    roles: ['admin'],
    save: async (page) => {
      await page.goto('/settings/matching');
      const form = page.getByRole('form', { name: NL.weights.formLabel });
      await form.getByRole('button', { name: NL.common.save }).click();
      await savedStatus(page, NL.weights.saved);
    },
  },
  {
    form: 'intake',
    roles: ['coordinator'],
    save: async (page, _role, world) => {
      const alias = `Moeder van T${world.n}.`;
      await page.goto('/intake');
      await page.getByRole('textbox', { name: NL.intake.callerAlias }).fill(alias);
      await page.getByRole('combobox', { name: NL.intake.category }).fill('C9');
      await page.getByRole('option', { name: /^C9 / }).click();
      await page
        .getByRole('textbox', { name: NL.intake.summary })
        .fill('Vraagt om informatie over signalen.');
      await page.getByRole('radio', { name: NL.intake.outcomes.open_case }).check();
      await page.getByRole('checkbox', { name: NL.intake.confidentiality }).check();
      await page.getByRole('button', { name: NL.intake.save }).click();
      const link = page.getByRole('link', { name: /^Casus .+ openen$/ });
      await expect(link).toBeVisible();
      await link.click();
      await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible();
      // The new case is in the list of cases, under the caller's alias.
      await page.goto('/cases');
      await expect(page.getByRole('table').getByText(alias).first()).toBeVisible();
    },
  },
  {
    form: 'case contact log',
    roles: ['coordinator', 'counsellor'],
    save: async (page, role, world) => {
      const note = `Moeder gebeld (${role}); ze is rustiger.`;
      await openCase(page, role, world);
      await page.getByRole('button', { name: NL.log.add }).click();
      const log = page.getByRole('form', { name: NL.log.formLabel });
      await log.getByRole('spinbutton', { name: NL.log.duration }).fill('15');
      await log.getByRole('textbox', { name: NL.log.withWhom }).fill('moeder');
      await log.getByRole('textbox', { name: NL.log.note }).fill(note);
      await log.getByRole('button', { name: NL.log.save }).click();
      // Saved: the form empties for the next contact, and the entry is in the log below it (the entry can
      // show a moment before the form empties, so the entry is looked for outside the form).
      await expect(log.getByRole('textbox', { name: NL.log.note })).toHaveValue('');
      await expect(
        page
          .getByRole('region', { name: NL.log.title, exact: true })
          .getByRole('paragraph')
          .filter({ hasText: note }),
      ).toBeVisible();
    },
  },
  {
    form: 'consent',
    roles: ['coordinator', 'counsellor'],
    save: async (page, role, world) => {
      const partner = world.partners[role]!;
      await openCase(page, role, world);
      const consent = await recordConsentViaUi(page, {
        partner,
        purpose: 'care_referral',
        categories: ['concern_summary'],
        method: 'signature_typed',
        typedName: 'Fatima B.',
      });
      expect(consent.status).toBe('active');
      await expect(
        page
          .getByRole('region', { name: NL.consent.title, exact: true })
          .getByRole('listitem', { name: fillIn(NL.consent.cardLabel, { recipient: partner }) }),
      ).toBeVisible();
    },
  },
  {
    form: 'referral',
    roles: ['coordinator', 'counsellor'],
    save: async (page, role, world) => {
      const partner = world.partners[role]!;
      await openCase(page, role, world);
      await showCaseTab(page, 'sharing');
      const referrals = page.getByRole('region', { name: NL.referrals.title, exact: true });
      await referrals.getByRole('button', { name: NL.referrals.propose }).click();
      const form = page.getByRole('form', { name: NL.referrals.formLabel });
      await pickPartner(
        page,
        form.getByRole('combobox', { name: NL.referrals.partner, exact: true }),
        partner,
      );
      await form.getByRole('textbox', { name: NL.referrals.note }).fill('Graag contact met de moeder.');
      await form.getByRole('button', { name: NL.referrals.save, exact: true }).click();
      await expect(form).toBeHidden();
      await expect(
        referrals
          .getByRole('listitem', { name: fillIn(NL.referrals.cardLabel, { name: partner }) })
          .getByText(NL.referrals.statuses.proposed, { exact: true }),
      ).toBeVisible();
    },
  },
  {
    form: 'user invitation',
    roles: ['admin'],
    save: async (page, _role, world) => {
      world.invited = 'Leyla Demir';
      await page.goto('/');
      const link = await inviteViaUi(page, {
        name: world.invited,
        email: 'leyla@hulplijn.example',
        role: 'counsellor',
      });
      expect(link).toMatch(/\/invite#.{20,}/);
      await expect(page.getByRole('row', { name: new RegExp(world.invited) })).toBeVisible();
    },
  },
  {
    form: 'user name and role',
    roles: ['admin'],
    save: async (page, _role, world) => {
      const renamed = `${world.invited} Yilmaz`;
      await page.goto('/users');
      await page.getByRole('button', { name: fillIn(NL.users.actionsFor, { name: world.invited }) }).click();
      await page.getByRole('menuitem', { name: NL.users.edit }).click();
      const dialog = page.getByRole('dialog', { name: fillIn(NL.users.editTitle, { name: world.invited }) });
      await dialog.getByRole('textbox', { name: NL.users.displayName, exact: true }).fill(renamed);
      await dialog.getByRole('combobox', { name: NL.users.role, exact: true }).selectOption('coordinator');
      await dialog.getByRole('button', { name: NL.common.save }).click();
      await expect(dialog).toBeHidden();
      const row = page.getByRole('row', { name: new RegExp(renamed) });
      await expect(row.getByText(NL.roles.coordinator)).toBeVisible();
      world.invited = renamed;
    },
  },
  {
    form: 'training course',
    roles: ['coordinator', 'admin'],
    save: async (page, role) => {
      const name = `Gespreksvaardigheden (${role})`;
      await page.goto('/training');
      await heading(page, NL.titles.training);
      const form = page.getByRole('form', { name: NL.training.newCourse, exact: true });
      await form.getByRole('textbox', { name: NL.training.courseName, exact: true }).fill(name);
      await form.getByRole('combobox', { name: NL.training.kind, exact: true }).selectOption('refresher');
      await form.getByRole('spinbutton', { name: NL.training.validityMonths }).fill('12');
      await form.getByRole('button', { name: NL.training.addCourse }).click();
      await expect(page.getByRole('rowheader', { name })).toBeVisible();
    },
  },
  {
    form: 'consent settings',
    roles: ['admin'],
    save: async (page) => {
      await page.goto('/settings/aftercare');
      const form = page.getByRole('form', { name: NL.consentSettings.title, exact: true });
      await form.getByRole('textbox', { name: NL.consentSettings.validMonths }).fill('18');
      await form.getByRole('button', { name: NL.common.save }).click();
      await savedStatus(page, NL.consentSettings.saved);
      await page.reload();
      expect(
        await page
          .getByRole('form', { name: NL.consentSettings.title, exact: true })
          .getByRole('textbox', { name: NL.consentSettings.validMonths })
          .inputValue(),
      ).toBe('18');
    },
  },
];

test.describe('every staff form saves for every role that sees it', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  const pages = {} as Record<StaffRole, Page>;
  const errors: string[][] = [];
  const world: World = { counsellorId: '', n: 0, caseIds: {}, partners: {}, invited: '' };
  const runs = new Map<string, number>();

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    pages.admin = await adminContext.newPage();
    errors.push(trackErrors(pages.admin));
    await setupViaApi(pages.admin);
    for (const [role, name] of [
      ['coordinator', 'Samira Haddou'],
      ['counsellor', 'Karim Bouali'],
    ] as const) {
      const colleague = await colleagueViaApi(browser, server.baseUrl, pages.admin, {
        name,
        email: `${role}@hulplijn.example`,
        role,
      });
      pages[role] = colleague.page;
      errors.push(colleague.errors);
    }
    const officer = {
      name: 'Fatma Yilmaz',
      email: 'fatma@hulplijn.example',
      password: 'privacy gaat boven alles hier',
    };
    const link = await inviteViaApi(pages.admin, { ...officer, role: 'privacy_officer' });
    pages.privacy_officer = await (await newContext(browser, server.baseUrl)).newPage();
    errors.push(trackErrors(pages.privacy_officer));
    await acceptInviteViaApi(pages.privacy_officer, link, officer);
    const { items } = await apiCall<{ items: { id: string; name: string }[] }>(
      pages.coordinator,
      'GET',
      '/api/counsellors/options',
    );
    world.counsellorId = items.find((item) => item.name === 'Karim Bouali')!.id;
    // Case work: an unassigned case for the coordinator, one assigned to the counsellor, a partner each.
    const co = pages.coordinator;
    await makeEligibleViaApi(co, 'Karim Bouali');
    world.caseIds.coordinator = (await openCaseViaApi(co, 'Vader van S.')).id;
    world.caseIds.counsellor = (await openCaseViaApi(co, 'Moeder van R.')).id;
    await apiCall(co, 'POST', `/api/cases/${world.caseIds.counsellor}/assign`, {
      counsellorId: world.counsellorId,
    });
    for (const [role, name] of [
      ['coordinator', 'GGZ Centraal'],
      ['counsellor', 'Sociaal wijkteam West'],
    ] as const) {
      world.partners[role] = (await partnerViaApi(co, { name, type: 'mental_health' })).name;
    }
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  const pairs = CASES.flatMap((formCase) => formCase.roles.map((role) => ({ formCase, role })));

  for (const { formCase, role } of pairs) {
    const { form } = formCase;
    test(`${form} saves as ${role}`, async () => {
      const page = pages[role];
      world.n = (runs.get(form) ?? 0) + 1;
      runs.set(form, world.n);
      await formCase.save(page, role, world);
      expect(await errorAlertCount(page)).toBe(0);
    });
  }

  test(`covers ${pairs.length} form × role pairs without page errors`, () => {
    expect(pairs.length).toBeGreaterThanOrEqual(26);
    for (const list of errors) expect(list).toEqual([]);
  });
});
