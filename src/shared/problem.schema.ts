import { z } from 'zod';
import { Text } from './text.schema.js';

/** Closed set of error codes; the web translates each one (`errors.<code>`). */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'csrf_failed',
  'invalid_credentials',
  'mfa_required',
  'mfa_invalid',
  'too_many_attempts',
  'weak_password',
  'invite_invalid',
  'setup_done',
  'email_taken',
  'last_admin',
  'payload_too_large',
  'unavailable',
  'reason_required',
  'invalid_transition',
  'consent_required',
  'confirmation_required',
  'unsupported_file',
  'not_independent',
  'account_too_new',
  'approval_required',
  'uri_too_long',
  'headers_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldErrorSchema = z.object({
  field: Text.describe('Dotted path of the offending field'),
  reason: Text.describe('Machine-readable reason, e.g. too_small, common_password'),
  message: Text.describe('Human-readable English message'),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, as every error response carries it. */
export const ProblemSchema = z.object({
  type: Text,
  title: Text,
  status: z.number().int(),
  detail: Text.optional(),
  code: z.enum(ERROR_CODES),
  errors: z.array(FieldErrorSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
