import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { isApiError } from '../api/client';
import { problemTexts, schemaFieldErrors, serverFieldErrors } from './fieldPaths';
import type { FieldProblem } from './fieldPaths';
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
  /** Called with the new values on every change (e.g. to hide a "saved" notice once the form is edited). */
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
  onValuesChange,
}: SchemaFormOptions<Values, Parsed>): SchemaForm<Values, Parsed> {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues,
    ...(onValuesChange ? { onValuesChange } : {}),
  });

  function show(
    problems: Record<string, FieldProblem>,
    ownMessages: Partial<Record<string, string>>,
    formElement?: HTMLFormElement,
  ) {
    form.setErrors(
      problemTexts(problems, (problem) => fieldErrorText(t, problem) ?? problem.message, ownMessages),
    );
    if (formElement) {
      // After React has rendered the errors: the first invalid field takes the focus, so a keyboard or
      // screen-reader user lands on what to fix.
      setTimeout(() => formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  }

  return {
    form,
    onSubmit: (send) => (event) => {
      event?.preventDefault();
      const input = toInput(form.getValues());
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        show(schemaFieldErrors(parsed.error, input, form.getValues()), fieldMessages, event?.currentTarget);
        return;
      }
      form.clearErrors();
      send(parsed.data);
    },
    showServerErrors: (error) =>
      show(serverFieldErrors(isApiError(error) ? error.fieldErrors : [], form.getValues()), {}),
    dirty: form.isDirty(),
  };
}
