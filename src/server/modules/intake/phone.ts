import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 form of a phone number, read as Dutch when it has no country code; undefined if it is no number. */
export function normalisePhone(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  return parsed?.isValid() ? parsed.number : undefined;
}
