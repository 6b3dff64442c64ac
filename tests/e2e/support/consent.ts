import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import type { Consent, ConsentPurpose, DataCategory } from '../../../src/shared/consent.schema';
import { apiCall } from './cases';
import { NL } from './flows';

/** Fills `{{name}}` placeholders of a translation, as the UI does. */
export const fillIn = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [key, value]) => out.replaceAll(`{{${key}}}`, value), text);

/** A partner in the directory (the directory is not what these specs are about). */
export async function partnerViaApi(
  page: Page,
  partner: { name: string; type: string; municipality?: string },
): Promise<{ id: string; name: string }> {
  return apiCall<{ id: string; name: string }>(page, 'POST', '/api/partners', {
    municipality: '',
    ...partner,
  });
}

/** A request whose failure is the point: the status and problem, without throwing. */
export async function apiStatus(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; code: string | undefined }> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'X-CSRF-Token': csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: response.status(), code };
}

/** Picks a partner in a searchable partner field: type part of the name, choose the option. */
export async function pickPartner(page: Page, field: Locator, name: string): Promise<void> {
  await field.click();
  await field.fill(name.split(' ')[0] ?? name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

/** Draws a signature-like zigzag on the pad with the mouse (pointer events, as a finger would). */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not rendered');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    await page.mouse.move(box.x + 20 + step * ((box.width - 40) / 12), y + (step % 2 ? -30 : 30), {
      steps: 3,
    });
  }
  await page.mouse.up();
}

/** The smallest file the server's content check takes for a PDF (one empty page tree). */
export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** Writes files for a spec to upload into a fresh temp directory; returns the directory and their paths. */
export async function uploadFiles(
  files: Record<string, Buffer>,
): Promise<{ dir: string; paths: Record<string, string> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'confidant-upload-'));
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    await writeFile(paths[name], bytes);
  }
  return { dir, paths };
}

/** A day (YYYY-MM-DD) as the Dutch UI prints it: the browser's own Intl, as formatDay in the web app. */
export function dayInUi(page: Page, day: string): Promise<string> {
  return page.evaluate(
    (value) =>
      new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${value}T00:00:00Z`),
      ),
    day,
  );
}

/** Chooses a file through the file chooser a button opens (as a person would). */
export async function chooseFile(page: Page, button: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** Matches the answer to an API request: its method, and a pattern for the URL's pathname. */
export const isApi =
  (method: string, pattern: RegExp) =>
  (response: Response): boolean =>
    response.request().method() === method && pattern.test(new URL(response.url()).pathname);

export interface ConsentViaUi {
  partner: string;
  purpose: ConsentPurpose;
  categories: readonly DataCategory[];
  method: 'signature_typed' | 'uploaded_form' | 'verbal';
  /** For signature_typed: the name the caller types. */
  typedName?: string;
  /** For uploaded_form: a signed form chosen in the form, uploaded right after the consent is saved. */
  file?: string;
}

/** Opens a tab of the case page (a click; the keyboard is casework.spec.ts's subject). */
export async function showCaseTab(
  page: Page,
  name: keyof typeof NL.caseTabs,
  L: typeof NL = NL,
): Promise<void> {
  const tab = page.getByRole('tab', { name: L.caseTabs[name], exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/**
 * Records consent with one named partner through the form on the open case page, and returns the consent
 * as the server saved it (drawn signatures are consent.spec.ts's subject; a typed name is quicker).
 */
export async function recordConsentViaUi(
  page: Page,
  input: ConsentViaUi,
  /** The UI language's labels (Dutch unless the spec switched language). */
  L: typeof NL = NL,
): Promise<Consent> {
  await showCaseTab(page, 'sharing', L);
  const section = page.getByRole('region', { name: L.consent.title, exact: true });
  await section.getByRole('button', { name: L.consent.record }).click();
  const form = page.getByRole('form', { name: L.consent.formLabel });
  for (const category of input.categories)
    await form.getByRole('checkbox', { name: L.dataCategories[category].label }).check();
  await pickPartner(
    page,
    form.getByRole('combobox', { name: L.consent.partner, exact: true }),
    input.partner,
  );
  await form.getByRole('radio', { name: L.consentPurposes[input.purpose].label }).check();
  await form.getByRole('radio', { name: L.consentMethods[input.method].label }).check();
  if (input.typedName !== undefined) {
    await form.getByRole('textbox', { name: L.typedEvidence.present }).fill(`${input.typedName}; counsellor`);
    await form.getByRole('textbox', { name: L.signature.typedName }).fill(input.typedName);
  }
  if (input.file !== undefined)
    await chooseFile(page, form.getByRole('button', { name: L.consentDocument.file }), input.file);
  const answer = page.waitForResponse(isApi('POST', /^\/api\/cases\/[^/]+\/consents$/));
  await form.getByRole('button', { name: L.consent.save }).click();
  const response = await answer;
  if (!response.ok()) throw new Error(`Recording consent: ${response.status()} ${await response.text()}`);
  await form.waitFor({ state: 'hidden' });
  return (await response.json()) as Consent;
}
