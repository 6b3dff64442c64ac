import type { ErrorCode, FieldError } from '../../shared/problem.schema.js';

/** One status per code; the error handler switches over this exhaustively. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  csrf_failed: 403,
  invalid_credentials: 401,
  mfa_required: 401,
  mfa_invalid: 401,
  too_many_attempts: 429,
  weak_password: 400,
  invite_invalid: 404,
  setup_done: 409,
  email_taken: 409,
  last_admin: 409,
  payload_too_large: 413,
  unavailable: 503,
  reason_required: 403,
  invalid_transition: 409,
  consent_required: 409,
  confirmation_required: 409,
  unsupported_file: 415,
  not_independent: 403,
  account_too_new: 403,
  approval_required: 409,
  uri_too_long: 414,
  headers_too_large: 431,
  internal: 500,
};

export const TITLE_BY_CODE: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign in first',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict with the current state',
  csrf_failed: 'Missing or wrong CSRF token',
  invalid_credentials: 'E-mail address or password is wrong',
  mfa_required: 'Second factor required',
  mfa_invalid: 'The code is wrong or already used',
  too_many_attempts: 'Too many attempts; wait and try again',
  weak_password: 'Choose another password',
  invite_invalid: 'This invitation is not valid',
  setup_done: 'This installation is already set up',
  email_taken: 'This e-mail address is already in use',
  last_admin: 'An organisation needs at least one active admin',
  payload_too_large: 'The request is too large',
  unavailable: 'Temporarily unavailable',
  reason_required: 'This case is assigned to someone else: give a reason to open it',
  invalid_transition: 'This change of state is not allowed',
  consent_required: 'No active written consent covers this disclosure',
  confirmation_required:
    'A typed signature needs a coordinator’s confirmation before anything goes to the authorities',
  unsupported_file: 'Only PDF, JPEG or PNG files are accepted',
  not_independent: 'A second, independent person must decide',
  account_too_new: 'This account is too new in its role for the emergency path',
  approval_required: 'A second person must approve this emergency request first',
  uri_too_long: 'The address is too long',
  headers_too_large: 'The request headers are too large',
  internal: 'Something went wrong',
};

/** The only error type services throw on purpose; anything else becomes a 500 without details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: ErrorCode,
    detail?: string,
    opts: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? TITLE_BY_CODE[code]);
    this.code = code;
    this.errors = opts.errors;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what = 'record'): AppError => new AppError('not_found', `No such ${what}`);
export const forbidden = (): AppError => new AppError('forbidden');

/** A request refused because of one field: a 400 whose problem document names the field and the reason. */
export function invalidField(field: string, reason: string, message: string): AppError {
  return new AppError('validation_failed', undefined, { errors: [{ field, reason, message }] });
}
