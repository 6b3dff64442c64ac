import { sql, type RawBuilder } from 'kysely';
import type { Dimension, Measure } from '../../../shared/reports.schema.js';

/**
 * What the reports count, as SQL constants: the rows of each measure, their day, their dimensions, and the one
 * definition of "in the period" that the live counts and the rollup refresh both use.
 */

/**
 * Where each measure is counted: the rows (one per event), the calendar day of the event in the
 * organisation's time zone, and the expression behind each of its dimensions. Every expression is a
 * constant of this file, never text from a request; only ids, days and the time zone are parameters.
 */
export interface Source {
  from: string;
  /** The event's calendar day, given the organisation's time zone. */
  day: (timeZone: string) => RawBuilder<unknown>;
  /**
   * The indexed column the day is taken from: an instant (timestamptz, its day depends on the time zone) or
   * a calendar day. The period becomes a range on it, so an index on (org_id, column) finds the rows instead
   * of the day being computed for every row of the organisation.
   */
  at?: { column: string; instant: boolean };
  where?: string;
  /** A dimension is a constant expression, or one that needs the time zone (a calendar day of an instant). */
  dimensions: Partial<Record<Dimension, DimensionSql>>;
  /** Duration measures: the event's duration in hours. */
  hours?: string;
  /**
   * An indexed instant that is necessarily near the event's day, so the database narrows the rows before it
   * computes per-row subqueries: a case's first contact is at or before its opening (the intake opens it).
   */
  near?: string;
}

/**
 * A dimension: its expression, and the joins it needs (added only when a report uses it — joining every
 * contact to its caller costs a lookup per row when nothing needs the caller).
 */
type DimensionSql =
  string | ((timeZone: string) => RawBuilder<unknown>) | { expr: string; joins: readonly string[] };

/** The joins dimensions need, as constants of this file, in the order they are added. */
export const CALLER = 'join callers cl on cl.id = c.caller_id and cl.org_id = c.org_id';
/** A municipality's province: names are unique in an organisation (municipalities_name_key), so 0 or 1 row. */
export const provinceOf = (table: string) =>
  `left join municipalities pm on pm.org_id = ${table}.org_id and pm.name = ${table}.municipality`;
export const PROVINCE = "coalesce(pm.province, 'unknown')";

/**
 * The first contact of a case: its earliest contact, or when it was opened if none is linked. Looked up by
 * case id alone (ids are unique, and row-level security keeps it in the organisation): an extra org_id
 * condition made the planner intersect with the organisation's whole index on every case.
 */
export const FIRST_CONTACT =
  'coalesce((select min(fc.occurred_at) from contacts fc where fc.case_id = ca.id), ca.opened_at)';

/** The first entry in the case's contact log written by a counsellor (the intake itself is not one). */
export const FIRST_COUNSELLOR_CONTACT =
  "(select l.occurred_at from case_log l where l.case_id = ca.id and l.contact_id is null and exists (select 1 from users u where u.id = l.author_id and u.role = 'counsellor') order by l.occurred_at limit 1)";

/** A duration between two instants of a case, for the cases where the second one happened. */
const caseDuration = (end: string): Source => ({
  // "offset 0" keeps the subqueries from being inlined into every place that uses d.start_at (once per case).
  from: `cases ca cross join lateral (select ${FIRST_CONTACT} as start_at, ${end} as end_at offset 0) d`,
  day: (tz) => sql`(d.start_at at time zone ${tz})::date`,
  where: 'd.end_at is not null',
  dimensions: { category: 'ca.category_id::text', province: { expr: PROVINCE, joins: [provinceOf('ca')] } },
  hours: 'greatest(0, extract(epoch from (d.end_at - d.start_at)) / 3600.0)',
  near: 'ca.opened_at',
});

/**
 * The index-friendly bound of `near`: from a day before the period (time zones) to well after it (an intake
 * noted days after the call). Only narrows; the day filter itself decides.
 */
function nearPeriod(source: Source, from: string, to: string): RawBuilder<unknown> {
  if (!source.near) return sql``;
  const near = sql.raw(source.near);
  return sql`and ${near} >= ${from}::date - 1 and ${near} < ${to}::date + 32`;
}

export const SOURCES: Record<Measure, Source> = {
  requests: {
    from: 'contacts c',
    day: (tz) => sql`(c.occurred_at at time zone ${tz})::date`,
    at: { column: 'c.occurred_at', instant: true },
    dimensions: {
      category: 'c.category_id::text',
      channel: 'c.channel',
      outcome: 'c.outcome',
      municipality: { expr: 'cl.municipality', joins: [CALLER] },
      province: { expr: PROVINCE, joins: [CALLER, provinceOf('cl')] },
    },
  },
  cases_opened: {
    from: 'cases ca',
    day: (tz) => sql`(ca.opened_at at time zone ${tz})::date`,
    at: { column: 'ca.opened_at', instant: true },
    dimensions: {
      category: 'ca.category_id::text',
      municipality: 'ca.municipality',
      province: { expr: PROVINCE, joins: [provinceOf('ca')] },
    },
  },
  cases_closed: {
    from: 'cases ca',
    day: (tz) => sql`(ca.closed_at at time zone ${tz})::date`,
    at: { column: 'ca.closed_at', instant: true },
    where: 'ca.closed_at is not null',
    dimensions: {
      category: 'ca.category_id::text',
      closure: "coalesce(ca.closure_id::text, 'unknown')",
      province: { expr: PROVINCE, joins: [provinceOf('ca')] },
    },
  },
  interventions: {
    from: 'case_interventions ci',
    day: () => sql`ci.occurred_on::date`,
    at: { column: 'ci.occurred_on', instant: false },
    dimensions: { intervention: 'ci.intervention_id::text' },
  },
  referrals_sent: {
    from: 'referrals r join partners p on p.id = r.partner_id and p.org_id = r.org_id',
    day: (tz) => sql`(r.sent_at at time zone ${tz})::date`,
    at: { column: 'r.sent_at', instant: true },
    where: 'r.sent_at is not null',
    dimensions: { partner_type: 'p.type', status: 'r.status' },
  },
  consents_given: {
    from: 'consents co left join partners p on p.id = co.partner_id and p.org_id = co.org_id',
    day: () => sql`co.given_on::date`,
    at: { column: 'co.given_on', instant: false },
    dimensions: { partner_type: "coalesce(co.partner_type, p.type, 'unknown')", purpose: 'co.purpose' },
  },
  consents_withdrawn: {
    from: 'consents co left join partners p on p.id = co.partner_id and p.org_id = co.org_id',
    day: () => sql`co.withdrawn_on::date`,
    at: { column: 'co.withdrawn_on', instant: false },
    where: 'co.withdrawn_on is not null',
    dimensions: { partner_type: "coalesce(co.partner_type, p.type, 'unknown')", purpose: 'co.purpose' },
  },
  aftercare_checkins: {
    from: 'tasks tk',
    day: () => sql`tk.due_on::date`,
    at: { column: 'tk.due_on', instant: false },
    where: "tk.kind = 'aftercare' and tk.cancelled_at is null",
    dimensions: {
      // Done by the due day where the organisation is, done later, or not (yet) done.
      timeliness: (tz) =>
        sql`case when tk.done_at is null then 'not_done' when (tk.done_at at time zone ${tz})::date <= tk.due_on::date then 'on_time' else 'late' end`,
    },
  },
  // Activities held on a day of the period, not cancelled; their reach is summed beside the count (reachBy).
  activities: {
    from: 'activities a',
    day: () => sql`a.held_on::date`,
    at: { column: 'a.held_on', instant: false },
    where: 'not a.cancelled',
    dimensions: { activity_type: 'a.type_id::text' },
  },
  time_to_assignment: caseDuration('ca.first_assigned_at'),
  // The first entry in the case's contact log written by a counsellor (the intake itself is not one).
  time_to_first_contact: caseDuration(FIRST_COUNSELLOR_CONTACT),
};

export const TIME_FORMAT: Partial<Record<Dimension, string>> = {
  year: 'YYYY',
  quarter: 'YYYY-"Q"Q',
  month: 'YYYY-MM',
};

function alias(source: Source): string {
  // The first table's alias: "contacts c …" → "c".
  return source.from.split(' ')[1]!;
}

export function expression(
  source: Source,
  dimension: Dimension,
  day: RawBuilder<unknown>,
  timeZone: string,
): RawBuilder<unknown> {
  const format = TIME_FORMAT[dimension];
  if (format) return sql`to_char(${day}, ${sql.lit(format)})`;
  const raw = source.dimensions[dimension];
  if (!raw) throw new Error(`No dimension ${dimension} for this measure`);
  if (typeof raw === 'string') return sql.raw(raw);
  if (typeof raw === 'function') return raw(timeZone);
  return sql.raw(raw.expr);
}

/** The source's rows with the joins its dimensions need, each once. */
export function fromClause(
  source: Source,
  dimensions: readonly (Dimension | undefined)[],
): RawBuilder<unknown> {
  const joins = new Set<string>();
  for (const dimension of dimensions) {
    const raw = dimension ? source.dimensions[dimension] : undefined;
    if (raw && typeof raw === 'object') for (const join of raw.joins) joins.add(join);
  }
  return sql.raw([source.from, ...joins].join(' '));
}

/**
 * The start of a local day as an instant: the day of an instant in the organisation's time zone is the range
 * from its local midnight to the next one. (Where clocks go back from 01:00 to midnight, PostgreSQL takes the
 * later midnight, so the first of the two hours after it counts to the day before; Europe/Amsterdam and
 * Europe/Istanbul change at 02:00/03:00 and are exact.)
 */
export const dayStart = (day: RawBuilder<unknown>, timeZone: string) =>
  sql`((${day})::timestamp at time zone ${timeZone})`;

/** A calendar day between two days, inclusive. */
export const dayInDays = (day: RawBuilder<unknown>, from: string, to: string) =>
  sql`${day} between ${from}::date and ${to}::date`;

/**
 * The source's events between two days (inclusive) in the organisation's time zone: the range on its indexed
 * column (an instant between the local midnights, or a calendar day), else its day; and the `near` bound.
 * The one period clause of the live counts (`inPeriod`) and the rollup refresh.
 */
export function periodRange(
  source: Source,
  input: { from: string; to: string; timeZone: string },
): RawBuilder<unknown> {
  const { from, to, timeZone: tz } = input;
  const at = source.at;
  const range = !at
    ? dayInDays(source.day(tz), from, to)
    : at.instant
      ? sql`${sql.raw(at.column)} >= ${dayStart(sql`${from}::date`, tz)}
            and ${sql.raw(at.column)} < ${dayStart(sql`${to}::date + 1`, tz)}`
      : dayInDays(sql.raw(at.column), from, to);
  return sql`${range} ${nearPeriod(source, from, to)}`;
}

/**
 * The rows of the organisation in the period. With an indexed column (`at`) the period is a range on it, so
 * the index finds the rows and no row's local day is computed; otherwise the day filter decides.
 */
export function inPeriod(
  source: Source,
  orgId: string,
  input: { from: string; to: string; timeZone: string },
): RawBuilder<unknown> {
  const where = source.where ? sql`and ${sql.raw(source.where)}` : sql``;
  return sql`${sql.raw(alias(source))}.org_id = ${orgId} and ${periodRange(source, input)} ${where}`;
}

const TIME_STEP: Partial<Record<Dimension, { unit: string; step: string }>> = {
  year: { unit: 'year', step: '1 year' },
  quarter: { unit: 'quarter', step: '3 months' },
  month: { unit: 'month', step: '1 month' },
};

/** The first days of the months (quarters, years) that meet the period, in order: computed once per query. */
export function periodStarts(dimension: Dimension, from: string, to: string): RawBuilder<unknown> {
  const { unit, step } = TIME_STEP[dimension]!;
  return sql`generate_series(date_trunc(${sql.lit(unit)}, ${from}::timestamp), ${to}::timestamp, ${sql.lit(step)}::interval)`;
}
