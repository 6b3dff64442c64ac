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
  'aftercare_checkins',
  'time_to_assignment',
  'time_to_first_contact',
  'activities',
] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;

/**
 * Measures of time rather than counts: per group, the number of cases and, where that number is published
 * and at least the threshold, the median and 90th percentile in hours. Broken down by rows only.
 */
export const DURATION_MEASURES: readonly Measure[] = ['time_to_assignment', 'time_to_first_contact'];
export const isDurationMeasure = (measure: Measure) => DURATION_MEASURES.includes(measure);

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
  'timeliness',
  'activity_type',
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
  aftercare_checkins: [...TIME, 'timeliness'],
  time_to_assignment: [...TIME, 'category', 'province'],
  time_to_first_contact: [...TIME, 'category', 'province'],
  activities: [...TIME, 'activity_type'],
};

/**
 * Activities (meetings, trainings, information evenings) held in the period, not cancelled: their number and,
 * beside a published number of at least the threshold, their reach — attendees (a count, no names) and
 * facilitator hours (each facilitator's time at the activity). Broken down by rows only.
 */
export const REACH_MEASURES: readonly Measure[] = ['activities'];
export const isReachMeasure = (measure: Measure) => REACH_MEASURES.includes(measure);

/** Whether an aftercare check-in (by its due day in the period) was done by its due day, later, or not yet. */
export const TIMELINESS = ['on_time', 'late', 'not_done'] as const;

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

/** A median and 90th percentile in hours, published only for a published count of at least the threshold. */
export const PublishedDurationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), median: z.number().nonnegative(), p90: z.number().nonnegative() }),
  z.object({ kind: z.literal('suppressed') }),
]);
export type PublishedDuration = z.infer<typeof PublishedDurationSchema>;

/** The reach of a group of activities, published only beside a published count of at least the threshold. */
export const PublishedReachSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    attendees: z.number().int().nonnegative(),
    facilitatorHours: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal('suppressed') }),
]);
export type PublishedReach = z.infer<typeof PublishedReachSchema>;

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
  /** Duration measures only: the statistics per row (in row order) and over all, in hours. */
  durations: z
    .object({ rows: z.array(PublishedDurationSchema), total: PublishedDurationSchema })
    .nullable()
    .default(null),
  /** Activities only: attendees and facilitator hours per row (in row order) and over all. */
  reach: z
    .object({ rows: z.array(PublishedReachSchema), total: PublishedReachSchema })
    .nullable()
    .default(null),
});
export type Report = z.infer<typeof ReportSchema>;

/** The dashboard's period; each panel is a fixed report, coarsened where the month would single people out. */
export const DashboardQuerySchema = z
  .object({ from: Day, to: Day, language: z.enum(UI_LANGUAGES).default('nl') })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DASHBOARD_PANELS = [
  'requests_by_category',
  'requests_by_channel',
  'requests_by_province',
  'conversion',
  'cases_opened',
  'cases_closed',
  'closure',
  'interventions',
  'referrals',
  'consents_given',
  'consents_withdrawn',
  'aftercare',
  'time_to_assignment',
  'time_to_first_contact',
  'activities',
] as const;
export type DashboardPanelId = (typeof DASHBOARD_PANELS)[number];

export const DashboardSchema = z.object({
  from: Day,
  to: Day,
  panels: z.array(
    z.object({
      id: z.enum(DASHBOARD_PANELS),
      report: ReportSchema,
      /** The breakdown asked for was too fine (e.g. month × category) and a coarser one is shown. */
      coarsened: z.boolean(),
    }),
  ),
  /** What the reader may open besides: caseload per counsellor is for coordinators only. */
  abilities: z.object({ caseload: z.boolean(), funderNarrative: z.boolean() }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** Open cases per counsellor, for coordinators only: staff figures, never given to analysts. */
export const CaseloadSchema = z.object({
  counsellors: z.array(
    z.object({
      id: z.uuid(),
      name: Text,
      active: z.number().int().nonnegative(),
      aftercare: z.number().int().nonnegative(),
      capacity: z.number().int().nonnegative().nullable(),
    }),
  ),
});
export type Caseload = z.infer<typeof CaseloadSchema>;

const Year = z.coerce.number().int().min(2000).max(2100).describe('Calendar year');

export const FunderYearSchema = z.object({ year: Year }).strict();
export type FunderYear = z.infer<typeof FunderYearSchema>;
/** Which year's narrative to read; this year by default. */
export const FunderQuerySchema = z.object({ year: Year.optional() }).strict();
export type FunderQuery = z.infer<typeof FunderQuerySchema>;

/** The narrative of a year's funder report: a few paragraphs, no case content. */
export const FunderNarrativeSchema = z
  .object({ year: Year, narrative: Text.trim().max(4000).describe('A short narrative for funders') })
  .strict();
export type FunderNarrative = z.infer<typeof FunderNarrativeSchema>;

export const FunderReportSchema = z.object({
  year: z.number().int(),
  narrative: Text,
  updatedAt: z.iso.datetime().nullable(),
  canEdit: z.boolean(),
});
export type FunderReport = z.infer<typeof FunderReportSchema>;

export const ReportSettingsSchema = z
  .object({
    threshold: z.number().int().min(3).max(10),
    roundToFive: z.boolean(),
  })
  .strict();
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
