import { z } from 'zod';
import { Text } from './text.schema.js';
import { ChannelSchema } from './cases.schema.js';

/**
 * How to reach the family of a case safely, for the people who work it: the callback preferences from the
 * latest call, without the phone number. The number has its own request (`CasePhoneSchema`), made only when
 * someone chooses to see it, and logged.
 */
export const CaseReachSchema = z.object({
  hasPhone: z.boolean().describe('A phone number is on file; fetch it with POST …/reach/phone'),
  mayCallBack: z.boolean().nullable().describe('Null when no call of this case recorded it'),
  mayLeaveMessage: z.boolean().nullable(),
  safeTimes: Text.describe('Safe times to call, as the caller said them'),
  safeChannel: ChannelSchema.nullable(),
  language: Text.describe('Conversation language of the latest call'),
});
export type CaseReach = z.infer<typeof CaseReachSchema>;

export const CasePhoneSchema = z.object({ phone: Text.describe('E.164, decrypted for this request') });
export type CasePhone = z.infer<typeof CasePhoneSchema>;
