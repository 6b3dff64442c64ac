import { z } from 'zod';
import { UI_LANGUAGES } from './roles.js';
import { Text } from './text.schema.js';

/** What a report counts. Each is a number of events in the period, never a row about a person. */
export const MEASURES = [
  'requests',
  'cases_opened',
  'cases_closed',
  'interventions',
  'referrals_sent',
  'consents_given',
  'consents_withdrawn',
] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;

/**
 * What a report can be broken down by. Ethnicity and religion are not dimensions: they are not stored.
 * Municipality is the finest place and is only reported on its own (see `MUNICIPALITY_ALONE`).
 */
export const DIMENSIONS = [
  'year',
  'quarter',
  'month',
  'category',
  'channel',
  'outcome',
  'province',
  'municipality',
  'closure',
  'intervention',
  'partner_type',
  'purpose',
  'status',
] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;

const TIME: readonly Dimension[] = ['year', 'quarter', 'month'];

/** The allow-list: which breakdowns each measure has. */
export const DIMENSIONS_OF: Readonly<Record<Measure, readonly Dimension[]>> = {
  requests: [...TIME, 'category', 'channel', 'outcome', 'province', 'municipality'],
  cases_opened: [...TIME, 'category', 'province', 'municipality'],
  cases_closed: [...TIME, 'category', 'closure', 'province'],
  interventions: [...TIME, 'intervention'],
  referrals_sent: [...TIME, 'partner_type', 'status'],
  consents_given: [...TIME, 'partner_type', 'purpose'],
  consents_withdrawn: [...TIME, 'partner_type', 'purpose'],
};

/** A municipality crossed with anything else singles out families in small towns: refused. */
export const MUNICIPALITY_ALONE = true;

/** The coarser dimension to suggest when a breakdown is too fine. */
export const COARSER: Partial<Record<Dimension, Dimension>> = {
  municipality: 'province',
  month: 'quarter',
  quarter: 'year',
};

/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 5 * 366;

const Day = z.iso.date().describe('YYYY-MM-DD, inclusive');

export const ReportQuerySchema = z
  .object({
    measure: MeasureSchema,
    from: Day,
    to: Day,
    rows: DimensionSchema.optional().describe('First breakdown (rows)'),
    columns: DimensionSchema.optional().describe('Second breakdown (columns); needs rows'),
    language: z.enum(UI_LANGUAGES).default('nl').describe('Language of the labels'),
  })
  .strict();
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const ReportExportSchema = ReportQuerySchema.extend({ format: z.enum(REPORT_FORMATS) }).strict();
export type ReportExport = z.infer<typeof ReportExportSchema>;

/** A published count: the number, or hidden (below the threshold, or to protect a hidden one). */
export const PublishedCountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('suppressed'), reason: z.enum(['below_threshold', 'protects_other']) }),
]);
export type PublishedCountView = z.infer<typeof PublishedCountSchema>;

const AxisSchema = z.object({
  dimension: DimensionSchema,
  /** Stable keys (codes, ids, YYYY-MM) with a label in the reader's language where the server knows it. */
  keys: z.array(z.object({ key: Text, label: Text })),
});

export const ReportSchema = z.object({
  measure: MeasureSchema,
  from: Day,
  to: Day,
  rows: AxisSchema.nullable(),
  columns: AxisSchema.nullable(),
  cells: z.array(z.array(PublishedCountSchema)),
  rowTotals: z.array(PublishedCountSchema),
  columnTotals: z.array(PublishedCountSchema),
  total: PublishedCountSchema,
  rules: z.object({ threshold: z.number().int(), roundToFive: z.boolean() }),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportSettingsSchema = z
  .object({
    threshold: z.number().int().min(3).max(10),
    roundToFive: z.boolean(),
  })
  .strict();
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
