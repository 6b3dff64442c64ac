import type { TFunction } from 'i18next';
import type { FieldProblem } from './fieldPaths';

/** The translated message for a field problem, falling back to the server's English message. */
export function fieldErrorText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return t(`fieldErrors.${problem.reason}`, { defaultValue: problem.message });
}
