import { z } from 'zod';

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
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldErrorSchema = z.object({
  field: z.string().describe('Dotted path of the offending field'),
  reason: z.string().describe('Machine-readable reason, e.g. too_small, common_password'),
  message: z.string().describe('Human-readable English message'),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, as every error response carries it. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.enum(ERROR_CODES),
  errors: z.array(FieldErrorSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
