import { z } from 'zod';

/** The field-error reason a client sees for a NUL byte or a lone surrogate. */
export const INVALID_CHARACTERS = 'invalid_characters';

// A high surrogate not followed by a low one, or a low one not preceded by a high one (non-unicode mode, so
// the pattern sees UTF-16 code units). A search, not a full match: linear, also on multi-megabyte fields.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored and shown faithfully: no NUL byte (PostgreSQL text refuses it) and no lone
 * UTF-16 surrogate (it has no UTF-8 form, so it would be silently replaced or refused further down).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * THE string type of every schema in src/shared (an ESLint rule forbids a bare `z.string()` there). Build
 * on it as on `z.string()`: `Text.trim().max(200)`. Bad characters are a 400 with the field and the reason
 * `invalid_characters`, never a database error.
 */
export const Text = z.string().refine(isStorableText, {
  message: 'Contains a NUL byte or an unpaired surrogate',
  params: { reason: INVALID_CHARACTERS },
});

/**
 * The update form of a create schema: every field optional and **no defaults**. `schema.partial()` keeps
 * each field's `.default()`, so a partial update would silently reset every field it does not name.
 */
export function patchOf<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
): z.ZodObject<{ [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    shape[key] = (
      field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
    ).optional();
  }
  return z.object(shape) as never;
}

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/** Trimmed text of at most `max` characters: the usual free-text field. */
export const text = (max: number) => Text.trim().max(max);

/** A calendar date, `YYYY-MM-DD` (no time zone can shift it). */
export const Day = z.iso.date().describe('YYYY-MM-DD');

/** A local time of day, `HH:MM`. */
export const Time = Text.max(16)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .describe('HH:MM, local time');

/** An id the client makes for a create: a retried save returns the first result instead of a second record. */
export const requestId = z
  .uuid()
  .optional()
  .describe('Client-generated id: a retried save returns the first result instead of a second record');
