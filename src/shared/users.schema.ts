import { z } from 'zod';
import { Text } from './text.schema.js';
import { DisplayNameSchema, EmailSchema, LanguageSchema, RoleSchema } from './auth.schema.js';

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export const UserStatusSchema = z.enum(USER_STATUSES);

export const UserSchema = z.object({
  id: z.uuid(),
  email: Text,
  displayName: Text,
  role: RoleSchema,
  status: UserStatusSchema,
  language: LanguageSchema,
  mfaEnrolled: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema) });

export const UserInviteSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  language: LanguageSchema.default('nl'),
});
export type UserInvite = z.infer<typeof UserInviteSchema>;

export const UserUpdateSchema = z.object({
  displayName: DisplayNameSchema.optional(),
  role: RoleSchema.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** The invite link is shown once, to the admin who made it; only its hash is stored. */
export const InviteIssuedSchema = z.object({
  user: UserSchema,
  inviteUrl: Text,
  expiresAt: z.iso.datetime(),
});
export type InviteIssued = z.infer<typeof InviteIssuedSchema>;

export const UserIdParamsSchema = z.object({ id: z.uuid() });
