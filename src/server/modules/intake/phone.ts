import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Db } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';

/** E.164 form of a phone number, read as Dutch when it has no country code; undefined if it is no number. */
export function normalisePhone(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  return parsed?.isValid() ? parsed.number : undefined;
}

/** The keyed look-up value of a phone number in E.164 form; the number itself is stored only sealed. */
export function phoneIndex(
  ctx: { db: Db; keyring: Keyring; actor: { orgId: string } },
  e164: string,
): Promise<Buffer> {
  return ctx.keyring.blindIndex(ctx.db, ctx.actor.orgId, 'phone', e164);
}
