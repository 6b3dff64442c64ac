import { z } from 'zod';
import { Text } from './text.schema.js';
import { ROLES, UI_LANGUAGES } from './roles.js';

/** NIST SP 800-63B: at least 12 characters, at least 64 allowed, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const EmailSchema = Text.trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .describe('E-mail address used to sign in');
export const PasswordSchema = Text.min(PASSWORD_MIN).max(PASSWORD_MAX).describe('Password');
export const TotpCodeSchema = Text.trim()
  .max(32)
  .regex(/^\d{6}$/, 'six digits')
  .describe('Six-digit code from the authenticator app');
export const DisplayNameSchema = Text.trim().min(1).max(120).describe('Name shown to colleagues');
export const LanguageSchema = z.enum(UI_LANGUAGES).describe('User interface language');
export const RoleSchema = z.enum(ROLES);

export const SetupStatusSchema = z.object({ needed: z.boolean() });

export const SetupSchema = z.object({
  organisationName: Text.trim().min(2).max(120).describe('Name of the helpline or organisation'),
  adminName: DisplayNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  language: LanguageSchema.default('nl'),
});
export type Setup = z.infer<typeof SetupSchema>;

export const LoginSchema = z.object({ email: EmailSchema, password: Text.min(1).max(PASSWORD_MAX) });
export type Login = z.infer<typeof LoginSchema>;

export const MfaVerifySchema = z.object({ code: TotpCodeSchema });

/** Where the current session stands: signed out, half-way (password done), or fully signed in. */
export const SESSION_STAGES = ['mfa', 'enrol', 'full'] as const;
export const SessionStageSchema = z.enum(SESSION_STAGES);
export type SessionStage = z.infer<typeof SessionStageSchema>;

/**
 * The screens of the staff app, in navigation order. The server says which of them a session may open,
 * from the same policies that guard the API; the web draws its navigation and route guards from that list
 * and holds no role lists of its own.
 */
export const PAGES = [
  'intake',
  'cases',
  'myProfile',
  'emergencyApprovals',
  'counsellors',
  'training',
  'activities',
  'partners',
  'peers',
  'publicSite',
  'reports',
  'users',
  'taxonomies',
  'aftercare',
  'matching',
  'places',
  'audit',
  'accessLog',
  'disclosures',
  'fourEyes',
  'handbook',
] as const;
export const PageSchema = z.enum(PAGES);
export type Page = z.infer<typeof PageSchema>;

export const AbilitiesSchema = z.object({
  pages: z.array(PageSchema).describe('The screens this session may open'),
  search: z.boolean().describe('Whether the header search is offered'),
  ownCasesOnly: z.boolean().describe('The case list shows only the cases assigned to this user'),
  myWork: z.boolean().describe('The home page shows “my work”'),
  startEmergency: z.boolean(),
  setupChecklist: z.boolean(),
  editMatchingWeights: z.boolean(),
  manageOrganisation: z.boolean(),
  myActivities: z.boolean().describe('The home page lists the activities this user facilitates'),
});
export type Abilities = z.infer<typeof AbilitiesSchema>;

export const SessionInfoSchema = z.object({
  stage: SessionStageSchema,
  csrfToken: Text.describe('Send as X-CSRF-Token on every state-changing request'),
  idleTimeoutSeconds: z.number().int(),
  user: z.object({
    id: z.uuid(),
    displayName: Text,
    email: Text,
    role: RoleSchema,
    language: LanguageSchema,
  }),
  organisation: z.object({
    id: z.uuid(),
    name: Text,
    demo: z.boolean().optional().describe('Demo organisation: invented records (npm run demo)'),
    timeZone: Text.describe(
      'IANA time zone of the helpline: the web takes "today" (date defaults and limits) from it, as the server does',
    ),
  }),
  abilities: AbilitiesSchema,
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const LoginResultSchema = z.object({ stage: SessionStageSchema, csrfToken: Text });
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const EnrolmentSchema = z.object({
  otpauthUri: Text,
  qrSvg: Text.describe('QR code of the otpauth URI as an SVG document'),
  manualKey: Text.describe('Base32 key, grouped by four, for typing into an app'),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const PasswordChangeSchema = z.object({
  currentPassword: Text.min(1).max(PASSWORD_MAX),
  newPassword: PasswordSchema,
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const ProfileUpdateSchema = z.object({
  displayName: DisplayNameSchema.optional(),
  language: LanguageSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;

export const InviteTokenSchema = z.object({ token: Text.min(20).max(200) });
export const InviteInfoSchema = z.object({
  email: Text,
  displayName: Text,
  organisationName: Text,
  role: RoleSchema,
  language: LanguageSchema.describe(
    'The language the admin chose for the invitee: the invite page opens in it',
  ),
});
export const InviteAcceptSchema = z.object({
  token: Text.min(20).max(200),
  password: PasswordSchema,
  language: LanguageSchema.optional(),
});
export type InviteAccept = z.infer<typeof InviteAcceptSchema>;
