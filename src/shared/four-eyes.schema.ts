import { z } from 'zod';
import { Text } from './text.schema.js';
import { EMERGENCY_GROUNDS, EMERGENCY_STATUSES } from './emergency.schema.js';
import { ROLES } from './roles.js';

/**
 * Four eyes on the emergency path (issue 14): the second person must be independent of the requester. Two
 * people are tied when one invited, re-activated, changed the role of, or reset the second factor of the
 * other in the last FOUR_EYES_TIE_DAYS days.
 */
export const FOUR_EYES_TIE_DAYS = 30;
/** Default for the organisation setting: days an account holds its role before the emergency path opens. */
export const DEFAULT_MIN_ACCOUNT_DAYS = 7;

export const ACCOUNT_EVENT_KINDS = ['invite', 'reactivate', 'role_change', 'mfa_reset'] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

const Person = z.object({ id: z.uuid(), name: Text });
const RoleSchema = z.enum(ROLES);

export const AccountEventSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.enum(ACCOUNT_EVENT_KINDS),
  actor: Person.nullable().describe('Who made the change (null: the installation itself)'),
  subject: Person.extend({ role: RoleSchema }),
  fromRole: RoleSchema.nullable(),
  toRole: RoleSchema.nullable(),
});
export type AccountEvent = z.infer<typeof AccountEventSchema>;

/** An unread alert about an account change, for admins and the privacy officer. */
export const AccountAlertSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  event: AccountEventSchema,
});
export const AccountAlertListSchema = z.object({ items: z.array(AccountAlertSchema) });

/** One emergency request seen for its independence only: who, when, how tied. No reason, no case. */
export const FourEyesRequestSchema = z.object({
  id: z.uuid(),
  status: z.enum(EMERGENCY_STATUSES),
  ground: z.enum(EMERGENCY_GROUNDS),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  requester: Person.extend({ daysInRole: z.number().int().describe('At the time of the request') }),
  decider: Person.extend({ daysInRole: z.number().int().describe('At the time of the decision') }).nullable(),
  ties: z
    .array(z.enum(ACCOUNT_EVENT_KINDS))
    .describe('Account changes between requester and decider in the 30 days before the decision'),
  sameInviter: z.boolean().describe('Requester and decider were invited by the same person'),
});

export const FourEyesHealthSchema = z.object({
  settings: z.object({
    minAccountDays: z.number().int(),
    tieDays: z.number().int(),
    seriousCrimeAllowed: z.boolean(),
  }),
  requests: z.array(FourEyesRequestSchema),
  accountEvents: z.array(AccountEventSchema),
  newAccounts: z.array(
    Person.extend({ role: RoleSchema, inRoleSince: z.iso.datetime(), eligibleFrom: z.iso.datetime() }),
  ),
  approvers: z.object({
    eligible: z.array(Person.extend({ role: RoleSchema })),
    independentPair: z
      .boolean()
      .describe('At least one eligible coordinator has an eligible, untied second person'),
  }),
});
export type FourEyesHealth = z.infer<typeof FourEyesHealthSchema>;

/** Emergency settings of the organisation (admins change them; coordinators read them for the form). */
export const EmergencySettingsSchema = z.object({
  minAccountDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .describe('Days an account holds its role before it may start or approve an emergency request'),
  seriousCrimeAllowed: z
    .boolean()
    .describe("The organisation's legal basis names serious crime as a ground for the emergency path"),
});
export type EmergencySettings = z.infer<typeof EmergencySettingsSchema>;
