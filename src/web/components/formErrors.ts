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
    result[key] ??= { reason: required ? 'required' : issue.code, message: issue.message };
  }
  return result;
}

/** The translated message for a field problem, falling back to the server's English message. */
export function fieldErrorText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return t(`fieldErrors.${problem.reason}`, { defaultValue: problem.message });
}
