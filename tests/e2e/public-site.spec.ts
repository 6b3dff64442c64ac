import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe } from './support/axe';
import { newContext, trackErrors } from './support/browser';
import type { Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer, testClock } from './support/server';
import type { TestServer } from './support/server';
import { setTotpClockOffset } from './support/totp';

const PHONE = { width: 390, height: 844 };

test.describe('public site', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;
  let clock: Awaited<ReturnType<typeof testClock>>;

  test.beforeAll(async ({ browser: launched }) => {
    clock = await testClock();
    server = await startServer(clock.env);
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
    // The worker goes on to other spec files, whose servers run on the real clock.
    setTotpClockOffset(0);
    await server?.stop();
  });

  test('a visitor on a phone reads the Arabic pages, with no cookie, no script and nothing from elsewhere', async () => {
    const context = await newContext(browser, server.baseUrl, { viewport: PHONE });
    const page = await context.newPage();
    const errors = trackErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await test.step('public-site-ar', async () => {
      await page.goto('/ar/');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(
        page.getByRole('heading', { level: 1, name: 'هل أنت قلق على ابنك أو ابنتك؟ اتصل بنا.' }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'لقاءات التوعية القادمة' })).toBeVisible();
      for (const path of ['/ar/', '/ar/how-it-works', '/ar/confidentiality', '/ar/privacy', '/ar/contact']) {
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectNoSeriousAxe(page, `public ${path} (390px)`);
      }
      // The language switcher goes to the same page in Dutch.
      await page.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'Nederlands' }).click();
      await page.waitForURL('**/nl/contact');
      await expect(page.getByRole('heading', { level: 1, name: 'Contact en openingstijden' })).toBeVisible();
      await expectNoSeriousAxe(page, 'public /nl/contact (390px)');
      expect(await context.cookies()).toEqual([]);
      expect(scripts).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();
  });

  test('a visitor asks for a call back in Arabic; the coordinator sees it in intake and turns it into a contact', async () => {
    const context = await newContext(browser, server.baseUrl, { viewport: PHONE });
    const visitor = await context.newPage();
    const errors = trackErrors(visitor);
    await test.step('public-site-callback', async () => {
      await visitor.goto('/ar/');
      await visitor
        .getByRole('navigation', { name: 'القائمة' })
        .getByRole('link', { name: 'اتصلوا بي' })
        .click();
      await expect(visitor.getByRole('heading', { level: 1, name: 'اطلب أن نتصل بك' })).toBeVisible();
      await expectNoSeriousAxe(visitor, 'public /ar/callback (390px)');
      await visitor.getByRole('textbox', { name: 'اسم مستعار' }).fill('أم سارة');
      await visitor.getByRole('textbox', { name: 'رقم الهاتف' }).fill('06 23 45 67 89');
      await expect(visitor.getByRole('combobox', { name: 'بأي لغة تريد أن نتصل بك؟' })).toHaveValue('ar');
      await visitor.getByRole('textbox', { name: 'متى يكون الاتصال بك آمناً؟' }).fill('صباحاً بين 10 و12');
      await visitor
        .getByRole('textbox', { name: 'سؤالك باختصار (اختياري)' })
        .fill('ابني تغيّر كثيراً منذ الصيف.');
      // First a mistake: a number that is not one. The form comes back in Arabic with what was typed.
      await visitor.getByRole('textbox', { name: 'رقم الهاتف' }).fill('12345');
      await clock.advance(10_000);
      setTotpClockOffset(10_000);
      await visitor.getByRole('button', { name: 'أرسل' }).click();
      await expect(visitor.getByRole('alert').getByText('هذا ليس رقم هاتف صحيحاً.')).toBeVisible();
      await expect(visitor.getByRole('textbox', { name: 'اسم مستعار' })).toHaveValue('أم سارة');
      await expectNoSeriousAxe(visitor, 'public /ar/callback with errors (390px)');
      await visitor.getByRole('textbox', { name: 'رقم الهاتف' }).fill('06 23 45 67 89');
      await clock.advance(20_000);
      setTotpClockOffset(20_000);
      await visitor.getByRole('button', { name: 'أرسل' }).click();
      await visitor.waitForURL('**/ar/callback/sent');
      await expect(visitor.getByRole('heading', { level: 1, name: 'شكراً، تم إرسال طلبك' })).toBeVisible();
      expect(await context.cookies()).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();

    const page = coordinator.page;
    await test.step('public-site-queue', async () => {
      await page
        .getByRole('navigation', { name: NL.nav.mainNav })
        .getByRole('link', { name: NL.nav.newCall })
        .click();
      const queue = page.getByRole('region', { name: new RegExp(NL.callbacks.title) });
      const card = queue.getByRole('listitem').filter({ hasText: 'أم سارة' });
      await expect(card).toBeVisible();
      expect(await card.textContent()).toContain(NL.conversationLanguages.ar);
      await expect(card).toContainText('صباحاً بين 10 و12', { useInnerText: true });
      await expect(card).toContainText(NL.callbacks.messageNo, { useInnerText: true });
      await card.getByRole('button', { name: NL.callbacks.open }).click();
      await expect(card.getByText('+31623456789')).toBeVisible();
      await card.getByRole('button', { name: NL.callbacks.takeUp }).click();

      await expect(page.getByRole('textbox', { name: NL.intake.callerAlias })).toHaveValue('أم سارة');
      await page.getByRole('combobox', { name: NL.intake.category }).fill('C1');
      await page.getByRole('option', { name: /^C1 / }).click();
      await page.getByRole('radio', { name: NL.intake.outcomes.info_only }).check();
      await page.getByRole('checkbox', { name: NL.intake.confidentiality }).check();
      await page.keyboard.press('Control+Enter');
      await expect(page.getByText(NL.intake.savedInfoOnly)).toBeVisible();
      await page.getByRole('button', { name: NL.intake.nextCall }).click();
      await expect(queue.getByText(NL.callbacks.empty)).toBeVisible();
      expect(coordinator.errors).toEqual([]);
    });
  });
});
