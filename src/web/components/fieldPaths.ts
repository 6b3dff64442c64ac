import type { ZodError } from 'zod';
import type { FieldError } from '../../shared/problem.schema';

/** What is wrong with one field: a reason code (translated as `fieldErrors.<reason>`) and the English message. */
export interface FieldProblem {
  reason: string;
  message: string;
}

/**
 * Field problems from client-side validation, keyed by the form path that shows them (see `formPath`). A
 * missing value reads as `required` whatever the schema's own code for it.
 */
export function schemaFieldErrors(
  error: ZodError,
  input: unknown,
  values: Record<string, unknown>,
  renames: PathRenames = {},
): Record<string, FieldProblem> {
  const result: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const value = valueAt(input, path);
    const missing = value === undefined || value === null || value === '';
    // An empty string or list read as missing; a number below 1 is out of range, not missing.
    const tooShort = issue.code === 'too_small' && issue.origin !== 'number' && Number(issue.minimum) <= 1;
    // A refinement names its reason (e.g. `invalid_characters` from the shared Text type), as the server does.
    const named =
      issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    const reason = missing || tooShort ? 'required' : typeof named === 'string' ? named : issue.code;
    result[formPath(renamePath(path, renames), values)] ??= { reason, message: issue.message };
  }
  return result;
}

/** Field problems from a server problem+json answer, keyed like `schemaFieldErrors`. */
export function serverFieldErrors(
  fieldErrors: readonly FieldError[],
  values: Record<string, unknown>,
  renames: PathRenames = {},
): Record<string, FieldProblem> {
  const result: Record<string, FieldProblem> = {};
  for (const fieldError of fieldErrors) {
    const path = renamePath(fieldError.field.split('.'), renames);
    result[formPath(path, values)] ??= { reason: fieldError.reason, message: fieldError.message };
  }
  return result;
}

/**
 * The text shown on each field: the form's own message for that path where it has one, otherwise the
 * problem's text in the reader's language (`translate`).
 */
export function problemTexts(
  problems: Record<string, FieldProblem>,
  translate: (problem: FieldProblem, path: string) => string,
  ownMessages: Partial<Record<string, string>> = {},
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [path, problem] of Object.entries(problems))
    texts[path] = ownMessages[path] ?? translate(problem, path);
  return texts;
}

/**
 * Where a form keeps a request field under another name: request path (dotted) → form path (dotted), e.g.
 * `{ 'subject.alias': 'subjectAlias' }` for a form whose values are flatter than the request it sends.
 */
export type PathRenames = Readonly<Record<string, string>>;

/**
 * The path with its longest renamed prefix replaced (`subject.alias` → `subjectAlias`,
 * `callback.safeTimes.0` → `safeTimes.0`); unchanged when no prefix is renamed.
 */
export function renamePath(path: string[], renames: PathRenames): string[] {
  for (let length = path.length; length > 0; length -= 1) {
    const renamed = renames[path.slice(0, length).join('.')];
    if (renamed !== undefined) return [...renamed.split('.'), ...path.slice(length)];
  }
  return path;
}

/**
 * The path of the input that shows a problem: the problem's own path, cut after a list of plain values (a
 * problem with `languages.2` shows on the `languages` tags input), or after the first segment when the form
 * has no such value (a server-only field).
 */
export function formPath(path: string[], values: Record<string, unknown>): string {
  let current: unknown = values;
  for (let index = 0; index < path.length; index += 1) {
    if (current === null || typeof current !== 'object') return path.slice(0, Math.max(index, 1)).join('.');
    const next: unknown = (current as Record<string, unknown>)[path[index]!];
    if (next === undefined && !(path[index]! in current)) return path.slice(0, Math.max(index, 1)).join('.');
    if (Array.isArray(next) && next.every((item) => item === null || typeof item !== 'object')) {
      return path.slice(0, index + 1).join('.');
    }
    current = next;
  }
  return path.join('.');
}

function valueAt(input: unknown, path: string[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
