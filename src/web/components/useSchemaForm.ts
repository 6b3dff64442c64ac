import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { isApiError } from '../api/client';
import { problemTexts, schemaFieldErrors, serverFieldErrors } from './fieldPaths';
import type { FieldProblem, PathRenames } from './fieldPaths';
import { fieldErrorText } from './formErrors';

export interface SchemaFormOptions<Values extends Record<string, unknown>, Parsed> {
  initialValues: Values;
  /** The shared Zod schema the server validates the same request with. */
  schema: ZodType<Parsed>;
  /** Turns the form's values into what the schema parses (e.g. '' → undefined, trimmed lists). */
  toInput?: (values: Values) => unknown;
  /**
   * The form's own words for a field's client-side problem, by form path (e.g. a range such as "1 to 60
   * months"), shown instead of the generic `fieldErrors.<reason>` text. Server problems keep their reason.
   */
  fieldMessages?: Partial<Record<string, string>>;
  /** Request fields the form keeps under another name (see `renamePath`), so their problems find the input. */
  renames?: PathRenames;
  /** Problems the schema cannot see (e.g. a rule across fields checked by the server), keyed by form path. */
  check?: (values: Values) => Record<string, FieldProblem>;
  /** A form's own wording for a problem (e.g. "at least 5 characters" for one field); else `fieldErrors.<reason>`. */
  errorText?: (path: string, problem: FieldProblem) => string | undefined;
  /** Called with the new values after every change (e.g. a parent that saves drafts). */
  onValuesChange?: (values: Values) => void;
}

export interface SchemaForm<Values extends Record<string, unknown>, Parsed> {
  /** The @mantine/form form: bind inputs with `form.getInputProps('path')`. */
  form: UseFormReturnType<Values>;
  /**
   * The form's submit handler: validates with the schema and calls `send` with the parsed request, or shows
   * every field's problem (translated) and focuses the first invalid field.
   */
  onSubmit: (send: (data: Parsed) => void) => (event?: FormEvent<HTMLFormElement>) => void;
  /** Shows the field problems of a server problem+json answer on the fields they name. */
  showServerErrors: (error: unknown) => void;
  /** True once any value differs from the initial values (for the discard guard). */
  dirty: boolean;
  /** The error shown on a path as text, for a component that takes `error?: string` rather than input props. */
  errorOf: (path: string) => string | undefined;
}

/**
 * One form frame for every form: @mantine/form holds the values and errors, the shared Zod schema validates
 * (the same schema the server applies), and field problems from the client or the server are shown on the
 * field they name, in the reader's language (`fieldErrors.<reason>`).
 */
export function useSchemaForm<Values extends Record<string, unknown>, Parsed>({
  initialValues,
  schema,
  toInput = (values) => values,
  fieldMessages = {},
  renames = {},
  check,
  errorText,
  onValuesChange,
}: SchemaFormOptions<Values, Parsed>): SchemaForm<Values, Parsed> {
  const { t } = useTranslation();
  const form = useForm<Values>({ mode: 'controlled', initialValues, onValuesChange });
  // The form element of the last submit: a refusal from the server moves the focus like a client one.
  const submitted = useRef<HTMLFormElement | null>(null);

  function show(
    problems: Record<string, FieldProblem>,
    ownMessages: Partial<Record<string, string>>,
    formElement?: HTMLFormElement | null,
  ) {
    form.setErrors(
      problemTexts(
        problems,
        (problem, path) => errorText?.(path, problem) ?? fieldErrorText(t, problem) ?? problem.message,
        ownMessages,
      ),
    );
    if (formElement) {
      // After React has rendered the errors: the first invalid field takes the focus, so a keyboard or
      // screen-reader user lands on what to fix.
      // Checkboxes mark an error with `data-error`; a radio group has none of its own, so a form marks it
      // `data-invalid-group` while it shows one.
      setTimeout(() => formElement.querySelector<HTMLElement>(INVALID)?.focus(), 0);
    }
  }

  return {
    form,
    onSubmit: (send) => (event) => {
      event?.preventDefault();
      submitted.current = event?.currentTarget ?? submitted.current;
      const values = form.getValues();
      const input = toInput(values);
      const parsed = schema.safeParse(input);
      const problems = {
        ...(parsed.success ? {} : schemaFieldErrors(parsed.error, input, values, renames)),
        ...check?.(values),
      };
      if (!parsed.success || Object.keys(problems).length > 0) {
        show(problems, fieldMessages, event?.currentTarget);
        return;
      }
      form.clearErrors();
      send(parsed.data);
    },
    showServerErrors: (error) =>
      show(
        serverFieldErrors(isApiError(error) ? error.fieldErrors : [], form.getValues(), renames),
        {},
        submitted.current,
      ),
    dirty: form.isDirty(),
    errorOf: (path) => {
      const error = form.errors[path];
      return typeof error === 'string' ? error : undefined;
    },
  };
}

const INVALID = '[aria-invalid="true"], input[data-error], [data-invalid-group] input';
