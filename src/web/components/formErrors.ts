import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import { isApiError } from '../api/client';

export interface FieldProblem {
  reason: string;
  message: string;
}
export type FieldErrors = Record<string, FieldProblem>;

/** Field errors from a server problem+json answer, keyed by the first path segment. */
export function apiFieldErrors(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!isApiError(error)) return result;
  for (const fieldError of error.fieldErrors) {
    const key = fieldError.field.split('.').pop() ?? fieldError.field;
    result[key] ??= { reason: fieldError.reason, message: fieldError.message };
  }
  return result;
}

/** Field errors from client-side validation with a shared Zod schema. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    const required = issue.code === 'too_small' && 'minimum' in issue && Number(issue.minimum) <= 1;
    // A refinement names its reason (e.g. `invalid_characters` from the shared Text type), as the server does.
    const named =
      issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    const reason = required ? 'required' : typeof named === 'string' ? named : issue.code;
    result[key] ??= { reason, message: issue.message };
  }
  return result;
}

/** The translated message for a field problem, falling back to the server's English message. */
export function fieldErrorText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return t(`fieldErrors.${problem.reason}`, { defaultValue: problem.message });
}
