import type { Page } from 'playwright-core';
import { NL } from './flows';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ERROR_TITLES = new RegExp(
  Object.values(NL.errors)
    .filter((text): text is string => typeof text === 'string')
    .map(escape)
    .join('|'),
);

/** How many failed-request messages (ErrorAlert, by any server error title) are on screen. */
export function errorAlertCount(page: Page): Promise<number> {
  return page.getByRole('alert').filter({ hasText: ERROR_TITLES }).count();
}

/** Waits for a save confirmation (a status message with this text). */
export function savedStatus(page: Page, text: string): Promise<void> {
  return page.getByRole('status').filter({ hasText: text }).first().waitFor();
}
