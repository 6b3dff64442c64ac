import { z } from 'zod';
import { Text } from './text.schema.js';

/** Per-organisation, translatable lists. Records keep the term's id, so edits never break history. */
export const TAXONOMY_KINDS = [
  'category',
  'intervention',
  'closure',
  'relation',
  'background',
  'language',
  'signal',
  'protective',
  'activity_type',
] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export const LabelsSchema = z.object({
  nl: Text.trim().min(1).max(200),
  en: Text.trim().min(1).max(200),
  ar: Text.trim().min(1).max(200),
  tr: Text.trim().min(1).max(200),
});
export type Labels = z.infer<typeof LabelsSchema>;

export const TermSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TAXONOMY_KINDS),
  code: Text,
  labels: LabelsSchema,
  active: z.boolean(),
  requiresConsent: z.boolean(),
  sort: z.number().int(),
});
export type Term = z.infer<typeof TermSchema>;

export const TermListSchema = z.object({ items: z.array(TermSchema) });

export const TermCreateSchema = z.object({
  kind: z.enum(TAXONOMY_KINDS),
  code: Text.trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, - or _')
    .describe('Short code, unique per list'),
  labels: LabelsSchema,
});
export type TermCreate = z.infer<typeof TermCreateSchema>;

export const TermUpdateSchema = z.object({
  labels: LabelsSchema.optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(1000).optional(),
});
export type TermUpdate = z.infer<typeof TermUpdateSchema>;
