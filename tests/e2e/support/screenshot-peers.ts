/**
 * Manual visual check of the peer network: `npx tsx tests/e2e/support/screenshot-peers.ts` starts a fresh
 * server, fills the network through the API, and writes the organiser's screens and the case's peer-link
 * section in Dutch and Arabic, on a 390 px phone and a 1280 px desktop, to /tmp/shots (or SCREENSHOT_DIR).
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { apiCall, colleagueViaUi, makeEligibleViaApi, openCaseViaApi } from './cases';
import { setupViaUi } from './flows';
import { startServer } from './server';

const OUT = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const today = () => new Date().toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

async function setLanguage(page: Page, language: string) {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.locator('header select').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaUi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor' | 'peer_organiser') =>
      colleagueViaUi(browser, server.baseUrl, admin, { name, email, role });
    const co = (await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator')).page;
    const k = (await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor')).page;
    const o = (await invite('Fatima Benali', 'fatima@hulplijn.example', 'peer_organiser')).page;
    const caseId = (await openCaseViaApi(co, 'Umm Yusuf')).id;
    await apiCall(co, 'POST', `/api/cases/${caseId}/assign`, {
      counsellorId: await makeEligibleViaApi(co, 'Karim Bouali'),
    });
    const consent = await apiCall<{ id: string }>(k, 'POST', `/api/cases/${caseId}/consents`, {
      givenBy: 'Umm Yusuf',
      categories: ['contact_details'],
      partnerId: null,
      partnerType: 'peer_network',
      purpose: 'peer_support',
      method: 'uploaded_form',
      givenOn: today(),
      language: 'nl',
    });
    await apiCall(k, 'PUT', `/api/cases/${caseId}/consents/${consent.id}/document`, {
      fileName: 'f.pdf',
      data: PDF,
    });
    await apiCall(k, 'POST', `/api/cases/${caseId}/peer-link`, {
      handover: 'Umm Yusuf, 06-98765432, na 14:00; spreekt liever Darija.',
      language: 'ary',
    });
    const ids: string[] = [];
    for (const [alias, email] of [
      ['Moeder Khadija', 'khadija@example.org'],
      ['Moeder Latifa', ''],
      ['Vader Hassan', 'hassan@example.org'],
    ] as const) {
      const m = await apiCall<{ id: string }>(o, 'POST', '/api/peers/members', {
        alias,
        email,
        phone: '06 11 22 33 44',
        language: 'ary',
        consent: { method: 'written', givenOn: today() },
      });
      ids.push(m.id);
    }
    await apiCall(o, 'POST', `/api/peers/members/${ids[1]}/linking-consent`, {
      method: 'written',
      givenOn: today(),
    });
    const meeting = await apiCall<{ id: string }>(o, 'POST', '/api/peers/meetings', {
      heldAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
      place: 'Buurthuis De Linde, achterzaal',
      facilitator: 'Fatima Benali',
      callNumber: '030-1234567',
      note: 'Eerste keer voor twee nieuwe moeders.',
    });
    await apiCall(o, 'POST', `/api/peers/meetings/${meeting.id}/invitations`, {
      memberIds: ids,
      sendEmail: false,
    });

    for (const language of ['nl', 'ar']) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const tag = `${language}-${size}`;
        await o.setViewportSize(viewport);
        await k.setViewportSize(viewport);
        await o.goto('/peers');
        await setLanguage(o, language);
        await shoot(o, `peers-members-${tag}`);
        await o.getByRole('button', { name: 'Moeder Latifa' }).click();
        await shoot(o, `peers-member-${tag}`);
        await o.keyboard.press('Escape');
        await o.goto('/peers?tab=meetings');
        await shoot(o, `peers-meetings-${tag}`);
        await o.goto('/peers?tab=requests');
        await shoot(o, `peers-requests-${tag}`);
        await o.goto(`/peers/meetings/${meeting.id}`);
        await shoot(o, `peers-meeting-${tag}`);
        await o.goto(`/peers/meetings/${meeting.id}/print`);
        await shoot(o, `peers-print-${tag}`);
        await k.goto(`/cases/${caseId}?tab=sharing`);
        await setLanguage(k, language);
        await k.locator('#peer-link').scrollIntoViewIfNeeded();
        await shoot(k, `peers-case-${tag}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
