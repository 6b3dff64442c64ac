import type { Locator, Page } from 'playwright-core';
import { apiCall } from './cases';

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
