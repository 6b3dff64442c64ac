import { sql, type RawBuilder } from 'kysely';
import type { Dimension, Measure, ReportSettings } from '../../../shared/reports.schema.js';
import type { Db } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';

/**
 * Where each measure is counted: the rows (one per event), the calendar day of the event in the
 * organisation's time zone, and the expression behind each of its dimensions. Every expression is a
 * constant of this file, never text from a request; only ids, days and the time zone are parameters.
 */
interface Source {
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
const CALLER = 'join callers cl on cl.id = c.caller_id and cl.org_id = c.org_id';
/** A municipality's province: names are unique in an organisation (municipalities_name_key), so 0 or 1 row. */
const provinceOf = (table: string) =>
  `left join municipalities pm on pm.org_id = ${table}.org_id and pm.name = ${table}.municipality`;
const PROVINCE = "coalesce(pm.province, 'unknown')";

/**
 * The first contact of a case: its earliest contact, or when it was opened if none is linked. Looked up by
 * case id alone (ids are unique, and row-level security keeps it in the organisation): an extra org_id
 * condition made the planner intersect with the organisation's whole index on every case.
 */
const FIRST_CONTACT =
  'coalesce((select min(fc.occurred_at) from contacts fc where fc.case_id = ca.id), ca.opened_at)';

/** The first entry in the case's contact log written by a counsellor (the intake itself is not one). */
const FIRST_COUNSELLOR_CONTACT =
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

const SOURCES: Record<Measure, Source> = {
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

const TIME_FORMAT: Partial<Record<Dimension, string>> = {
  year: 'YYYY',
  quarter: 'YYYY-"Q"Q',
  month: 'YYYY-MM',
};

function alias(source: Source): string {
  // The first table's alias: "contacts c …" → "c".
  return source.from.split(' ')[1]!;
}

function expression(
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
function fromClause(source: Source, dimensions: readonly (Dimension | undefined)[]): RawBuilder<unknown> {
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
const dayStart = (day: RawBuilder<unknown>, timeZone: string) =>
  sql`((${day})::timestamp at time zone ${timeZone})`;

/**
 * The rows of the organisation in the period. With an indexed column (`at`) the period is a range on it, so
 * the index finds the rows and no row's local day is computed; otherwise the day filter decides.
 */
function inPeriod(
  source: Source,
  orgId: string,
  input: { from: string; to: string; timeZone: string },
): RawBuilder<unknown> {
  const where = source.where ? sql`and ${sql.raw(source.where)}` : sql``;
  const tz = input.timeZone;
  const range = !source.at
    ? sql`and ${source.day(tz)} between ${input.from}::date and ${input.to}::date`
    : source.at.instant
      ? sql`and ${sql.raw(source.at.column)} >= ${dayStart(sql`${input.from}::date`, tz)}
            and ${sql.raw(source.at.column)} < ${dayStart(sql`${input.to}::date + 1`, tz)}`
      : sql`and ${sql.raw(source.at.column)} between ${input.from}::date and ${input.to}::date`;
  return sql`${sql.raw(alias(source))}.org_id = ${orgId}
      ${range}
      ${nearPeriod(source, input.from, input.to)}
      ${where}`;
}

const TIME_STEP: Partial<Record<Dimension, { unit: string; step: string }>> = {
  year: { unit: 'year', step: '1 year' },
  quarter: { unit: 'quarter', step: '3 months' },
  month: { unit: 'month', step: '1 month' },
};

/** The first days of the months (quarters, years) that meet the period, in order: computed once per query. */
function periodStarts(dimension: Dimension, from: string, to: string): RawBuilder<unknown> {
  const { unit, step } = TIME_STEP[dimension]!;
  return sql`generate_series(date_trunc(${sql.lit(unit)}, ${from}::timestamp), ${to}::timestamp, ${sql.lit(step)}::interval)`;
}

export interface CountRow {
  k0: string | null;
  k1: string | null;
  n: number;
}

/**
 * Counts the measure's events between two days (inclusive), grouped by up to two dimensions: one query, the
 * rows grouped inside by cheap keys and the keys made readable outside, on the few groups (computing each
 * row's local day and formatting it as a month was most of the work at a million contacts).
 */
export async function countBy(
  db: Db,
  orgId: string,
  input: {
    measure: Measure;
    from: string;
    to: string;
    timeZone: string;
    dimensions: Dimension[];
    rollupThrough?: string | null;
  },
): Promise<CountRow[]> {
  const [d0, d1] = input.dimensions;
  const rows = await countByKeys(db, orgId, { ...input, dimensions: [d0, d1] });
  return rows.map((r) => ({ k0: r.keys[0] ?? null, k1: r.keys[1] ?? null, n: r.n }));
}

/**
 * `countBy` with any number of dimensions (an absent one counts as null): the dashboard counts the year's
 * requests once by month × category × channel × outcome and sums its panels from that.
 */
export async function countByKeys(
  db: Db,
  orgId: string,
  input: {
    measure: Measure;
    from: string;
    to: string;
    timeZone: string;
    dimensions: (Dimension | undefined)[];
    /** The last complete day in the rollup (report_rollups.through): days up to it are read from there. */
    rollupThrough?: string | null;
  },
): Promise<{ keys: (string | null)[]; n: number }[]> {
  const split = splitPeriod(input);
  if (!split || !ROLLUP_COUNTS[input.measure]) return countLive(db, orgId, input);
  const parts = [await countRollup(db, orgId, { ...input, to: split.rolledTo })];
  if (split.liveFrom) parts.push(await countLive(db, orgId, { ...input, from: split.liveFrom }));
  if (parts.length === 1) return parts[0]!;
  // The same group can be in both parts (a month that has complete days and today): add them up.
  const sums = new Map<string, { keys: (string | null)[]; n: number }>();
  for (const row of parts.flat()) {
    const id = JSON.stringify(row.keys);
    const sum = sums.get(id);
    if (sum) sum.n += row.n;
    else sums.set(id, { keys: row.keys, n: row.n });
  }
  return [...sums.values()];
}

/**
 * The part of a period in the rollup (from its start to the last complete day there) and the first day after
 * it, counted live (null when the period ends in the rollup); undefined when the rollup has none of it.
 */
function splitPeriod(input: {
  from: string;
  to: string;
  rollupThrough?: string | null;
}): { rolledTo: string; liveFrom: string | null } | undefined {
  const through = input.rollupThrough;
  if (!through || through < input.from) return undefined;
  return through >= input.to
    ? { rolledTo: input.to, liveFrom: null }
    : { rolledTo: through, liveFrom: addDays(through, 1) };
}

/**
 * The measures counted from the rollup: the tables (the narrowest first) and the column behind each of their
 * non-time dimensions there. A report reads the first table that has all its dimensions.
 */
const ROLLUP_COUNTS: Partial<
  Record<Measure, { table: string; columns: Partial<Record<Dimension, string>> }[]>
> = {
  requests: [
    {
      table: 'report_daily_request_kinds',
      columns: { category: 'r.category_id', channel: 'r.channel', outcome: 'r.outcome' },
    },
    {
      table: 'report_daily_requests',
      columns: {
        category: 'r.category_id',
        channel: 'r.channel',
        outcome: 'r.outcome',
        municipality: 'r.municipality',
        province: 'r.province',
      },
    },
  ],
};

/** A time dimension of a rollup row's day, else its column. */
function rollupKey(
  columns: Partial<Record<Dimension, string>>,
  d: Dimension,
  day: string,
): RawBuilder<unknown> {
  const format = TIME_FORMAT[d];
  if (format) return sql`to_char(${sql.raw(day)}, ${sql.lit(format)})`;
  const column = columns[d];
  if (!column) throw new Error(`No dimension ${d} in the rollup`);
  return sql.raw(column);
}

/** Counts of the complete days of the period from the rollup: the same groups as counting them live. */
async function countRollup(
  db: Db,
  orgId: string,
  input: { measure: Measure; from: string; to: string; dimensions: (Dimension | undefined)[] },
): Promise<{ keys: (string | null)[]; n: number }[]> {
  const dimensions = input.dimensions;
  const { table, columns } = ROLLUP_COUNTS[input.measure]!.find((t) =>
    dimensions.every((d) => !d || TIME_FORMAT[d] || t.columns[d]),
  )!;
  const positions = sql.raw(dimensions.map((_, i) => String(i + 1)).join(', '));
  const result = await sql<Record<string, string | null> & { n: number }>`
    select ${sql.join(
      dimensions.map(
        (d, i) => sql`${d ? rollupKey(columns, d, 'r.day') : sql`null`}::text as ${sql.ref(`k${i}`)}`,
      ),
    )}, sum(r.n)::int as n
    from ${sql.table(table)} r
    where r.org_id = ${orgId} and r.day between ${input.from}::date and ${input.to}::date
    group by ${positions}`.execute(db);
  return result.rows.map((r) => ({ keys: dimensions.map((_, i) => r[`k${i}`] ?? null), n: r.n }));
}

/** `countByKeys` from the events themselves (also what the rollup is checked against). */
async function countLive(
  db: Db,
  orgId: string,
  input: {
    measure: Measure;
    from: string;
    to: string;
    timeZone: string;
    dimensions: (Dimension | undefined)[];
  },
): Promise<{ keys: (string | null)[]; n: number }[]> {
  const source = SOURCES[input.measure];
  const day = source.day(input.timeZone);
  const dimensions = input.dimensions;
  // Inside, a time dimension is the number of the month (quarter, year) the row falls in: the column compared
  // with the instants the months start (one binary search per row, no time zone arithmetic); outside, the
  // number becomes the month's key. Without an indexed column, the row's day, formatted outside.
  const at = source.at;
  const inner = (d: Dimension | undefined) => {
    if (!d) return sql`null`;
    if (!TIME_FORMAT[d]) return expression(source, d, day, input.timeZone);
    if (!at) return day;
    const starts = at.instant ? dayStart(sql`m::date`, input.timeZone) : sql`m::date`;
    return sql`width_bucket(${sql.raw(at.column)}, (select array_agg(${starts} order by m) from ${periodStarts(d, input.from, input.to)} m))`;
  };
  const outer = (d: Dimension | undefined, column: string) => {
    const format = d ? TIME_FORMAT[d] : undefined;
    if (!d || !format) return sql.ref(column);
    if (!at) return sql`to_char(${sql.ref(column)}, ${sql.lit(format)})`;
    return sql`to_char((select array_agg(m::date order by m) from ${periodStarts(d, input.from, input.to)} m)[${sql.ref(column)}], ${sql.lit(format)})`;
  };
  const positions = sql.raw(dimensions.map((_, i) => String(i + 1)).join(', '));
  const result = await sql<Record<string, string | null> & { n: number }>`
    select ${sql.join(dimensions.map((d, i) => sql`${outer(d, `g${i}`)}::text as ${sql.ref(`k${i}`)}`))},
      sum(g.n)::int as n
    from (
      select ${sql.join(dimensions.map((d, i) => sql`${inner(d)} as ${sql.ref(`g${i}`)}`))}, count(*) as n
      from ${fromClause(source, dimensions)}
      where ${inPeriod(source, orgId, input)}
      group by ${positions}
    ) g
    group by ${positions}`.execute(db);
  return result.rows.map((r) => ({ keys: dimensions.map((_, i) => r[`k${i}`] ?? null), n: r.n }));
}

export interface DurationRow {
  /** The group's key; null for the summary over all groups. */
  k0: string | null;
  n: number;
  median: number;
  p90: number;
}

/**
 * The number, median and 90th percentile (in hours) of a duration measure between two days, per group of one
 * dimension and over all (the row with k0 null). Only these summaries leave the database.
 */
export async function durationsBy(
  db: Db,
  orgId: string,
  input: {
    measure: Measure;
    from: string;
    to: string;
    timeZone: string;
    dimension: Dimension | undefined;
    /** As in `countByKeys`: the cases whose first contact is on a day up to it are read from the rollup. */
    rollupThrough?: string | null;
  },
): Promise<DurationRow[]> {
  const source = SOURCES[input.measure];
  if (!source.hours) throw new Error(`${input.measure} is not a duration`);
  const day = source.day(input.timeZone);
  const hours = sql.raw(source.hours);
  const key = input.dimension ? expression(source, input.dimension, day, input.timeZone) : sql`null`;
  const live = (period: { from: string; to: string }) => sql`
      select ${key}::text as k0, ${hours} as h
      from ${fromClause(source, [input.dimension])}
      where ${inPeriod(source, orgId, { ...period, timeZone: input.timeZone })}`;
  // The cases of complete days from the rollup, each with its duration (percentiles need every value, not
  // sums), and the days after it live: one set of durations either way.
  const split = splitPeriod(input);
  const column = ROLLUP_HOURS[input.measure];
  const rows =
    split && column
      ? sql`
      select ${input.dimension ? rollupKey(ROLLUP_CASE_DIMENSIONS, input.dimension, 'r.start_day') : sql`null`}::text
          as k0, ${sql.ref(`r.${column}`)} as h
      from report_case_times r
      where r.org_id = ${orgId} and r.start_day between ${input.from}::date and ${split.rolledTo}::date
        and ${sql.ref(`r.${column}`)} is not null
      ${split.liveFrom ? sql`union all ${live({ from: split.liveFrom, to: input.to })}` : sql``}`
      : live(input);
  // Grouping sets give every group and the whole in one pass; grouping() tells the whole from a null key.
  const result = await sql<DurationRow & { whole: number }>`
    select s.k0, grouping(s.k0) as whole, count(*)::int as n,
      percentile_cont(0.5) within group (order by s.h)::float8 as median,
      percentile_cont(0.9) within group (order by s.h)::float8 as p90
    from (${rows}) s
    group by grouping sets ((s.k0), ())`.execute(db);
  return result.rows.map((r) => ({
    k0: Number(r.whole) === 1 ? null : (r.k0 ?? 'unknown'),
    n: r.n,
    median: Number(r.median),
    p90: Number(r.p90),
  }));
}

/** The duration measures read from the rollup, and their column in report_case_times. */
const ROLLUP_HOURS: Partial<Record<Measure, 'hours_to_assignment' | 'hours_to_first_contact'>> = {
  time_to_assignment: 'hours_to_assignment',
  time_to_first_contact: 'hours_to_first_contact',
};
const ROLLUP_CASE_DIMENSIONS: Partial<Record<Dimension, string>> = {
  category: 'r.category_id',
  province: 'r.province',
};

/** The rollup's state for the organisation: its last complete day and when it was refreshed, if ever. */
export async function rollupState(db: Db, orgId: string) {
  return db
    .selectFrom('report_rollups')
    .select([sql<string>`through::text`.as('through'), 'refreshed_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** The organisation's time zone and its last complete day (the day before today there) at an instant. */
export async function lastCompleteDay(db: Db, orgId: string, now: Date) {
  const org = await sql<{ time_zone: string; through: string }>`
    select time_zone, ((${now}::timestamptz at time zone time_zone)::date - 1)::text as through
    from organisations where id = ${orgId}`.execute(db);
  const row = org.rows[0];
  if (!row) throw notFound('organisation');
  return { timeZone: row.time_zone, through: row.through };
}

/**
 * Recounts the rollup of the organisation's days from `from` to `through` (inclusive): deletes them and
 * inserts them again from the events, in the caller's transaction, so a refresh is all or nothing and running
 * it twice gives the same rows. The same expressions as the live counts (`SOURCES`), so the same groups.
 */
export async function refreshRollup(
  db: Db,
  orgId: string,
  input: { from: string; through: string; timeZone: string; now: Date },
): Promise<{ requestRows: number; caseRows: number }> {
  const tz = input.timeZone;
  const { from, through } = input;
  await db
    .deleteFrom('report_daily_requests')
    .where('org_id', '=', orgId)
    .where('day', '>=', from)
    .where('day', '<=', through)
    .execute();
  const requests = await sql`
    insert into report_daily_requests (org_id, day, category_id, channel, outcome, municipality, province, n)
    select c.org_id, (c.occurred_at at time zone ${tz})::date, c.category_id::text, c.channel, c.outcome,
      cl.municipality, ${sql.raw(PROVINCE)}, count(*)
    from contacts c ${sql.raw(CALLER)} ${sql.raw(provinceOf('cl'))}
    where c.org_id = ${orgId}
      and c.occurred_at >= ${dayStart(sql`${from}::date`, tz)}
      and c.occurred_at < ${dayStart(sql`${through}::date + 1`, tz)}
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  await db
    .deleteFrom('report_daily_request_kinds')
    .where('org_id', '=', orgId)
    .where('day', '>=', from)
    .where('day', '<=', through)
    .execute();
  await sql`
    insert into report_daily_request_kinds (org_id, day, category_id, channel, outcome, n)
    select org_id, day, category_id, channel, outcome, sum(n)
    from report_daily_requests
    where org_id = ${orgId} and day between ${from}::date and ${through}::date
    group by 1, 2, 3, 4, 5`.execute(db);
  await db
    .deleteFrom('report_case_times')
    .where('org_id', '=', orgId)
    .where('start_day', '>=', from)
    .where('start_day', '<=', through)
    .execute();
  // A case whose first contact moved out of the range keeps one row (its new day): upsert by case.
  const cases = await sql`
    insert into report_case_times
      (org_id, case_id, start_day, category_id, province, hours_to_assignment, hours_to_first_contact)
    select ca.org_id, ca.id, (d.start_at at time zone ${tz})::date, ca.category_id::text, ${sql.raw(PROVINCE)},
      case when d.assigned_at is not null
        then greatest(0, extract(epoch from (d.assigned_at - d.start_at)) / 3600.0)::float8 end,
      case when d.counsellor_at is not null
        then greatest(0, extract(epoch from (d.counsellor_at - d.start_at)) / 3600.0)::float8 end
    from cases ca
      cross join lateral (select ${sql.raw(FIRST_CONTACT)} as start_at, ca.first_assigned_at as assigned_at,
        ${sql.raw(FIRST_COUNSELLOR_CONTACT)} as counsellor_at offset 0) d
      ${sql.raw(provinceOf('ca'))}
    where ca.org_id = ${orgId}
      and ca.opened_at >= ${from}::date - 1 and ca.opened_at < ${through}::date + 32
      and (d.start_at at time zone ${tz})::date between ${from}::date and ${through}::date
    on conflict (org_id, case_id) do update set start_day = excluded.start_day,
      category_id = excluded.category_id, province = excluded.province,
      hours_to_assignment = excluded.hours_to_assignment, hours_to_first_contact = excluded.hours_to_first_contact`.execute(
    db,
  );
  await db
    .insertInto('report_rollups')
    .values({ org_id: orgId, through, refreshed_at: input.now })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ through, refreshed_at: input.now }))
    .execute();
  return { requestRows: Number(requests.numAffectedRows ?? 0), caseRows: Number(cases.numAffectedRows ?? 0) };
}

/** Every organisation's id, through the narrow definer function the nightly jobs use (no organisation set). */
export async function allOrgIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from audit_org_ids()`.execute(db);
  return rows.map((r) => r.id);
}

/** Sets the organisation for the rest of the transaction (the nightly job enqueues each one's refresh). */
export async function scopeToOrg(db: Db, orgId: string): Promise<void> {
  await sql`select set_config('app.org_id', ${orgId}, true)`.execute(db);
}

export interface ReachRow {
  /** The group's key; null for the summary over all groups. */
  k0: string | null;
  n: number;
  attendees: number;
  facilitatorHours: number;
}

/**
 * The number of activities between two days, their attendees and their facilitator hours (each facilitator's
 * time from start to end), per group of one dimension and over all (the row with k0 null).
 */
export async function reachBy(
  db: Db,
  orgId: string,
  input: { measure: Measure; from: string; to: string; timeZone: string; dimension: Dimension | undefined },
): Promise<ReachRow[]> {
  const source = SOURCES.activities;
  const day = source.day(input.timeZone);
  const key = input.dimension ? expression(source, input.dimension, day, input.timeZone) : sql`null`;
  const result = await sql<{ k0: string | null; whole: number; n: number; attendees: number; hours: number }>`
    select s.k0, grouping(s.k0) as whole, count(*)::int as n,
      coalesce(sum(s.attendees), 0)::int as attendees, coalesce(sum(s.hours), 0)::float8 as hours
    from (
      select ${key}::text as k0, coalesce(a.attendees, 0) as attendees,
        extract(epoch from (a.end_time::time - a.start_time::time)) / 3600.0
          * (select count(*) from activity_facilitators af where af.activity_id = a.id) as hours
      from ${fromClause(source, [input.dimension])}
      where ${inPeriod(source, orgId, input)}
    ) s
    group by grouping sets ((s.k0), ())`.execute(db);
  return result.rows.map((r) => ({
    k0: Number(r.whole) === 1 ? null : (r.k0 ?? 'unknown'),
    n: r.n,
    attendees: Number(r.attendees),
    facilitatorHours: Number(r.hours),
  }));
}

/** Open cases per counsellor of the organisation (active and in aftercare), with their capacity. */
export async function caseloadByCounsellor(db: Db, orgId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('counsellor_profiles as cp', (join) =>
      join.onRef('cp.user_id', '=', 'u.id').onRef('cp.org_id', '=', 'u.org_id'),
    )
    .leftJoin('cases as ca', (join) =>
      join
        .onRef('ca.counsellor_id', '=', 'u.id')
        .onRef('ca.org_id', '=', 'u.org_id')
        .on('ca.state', 'in', ['intake', 'matching', 'active', 'aftercare']),
    )
    .select((eb) => [
      'u.id',
      'u.display_name',
      'cp.max_active_cases',
      eb.fn.count<number>('ca.id').filterWhere('ca.state', '!=', 'aftercare').as('active'),
      eb.fn.count<number>('ca.id').filterWhere('ca.state', '=', 'aftercare').as('aftercare'),
    ])
    .where('u.org_id', '=', orgId)
    .where('u.role', '=', 'counsellor')
    .where('u.status', '=', 'active')
    .groupBy(['u.id', 'u.display_name', 'cp.max_active_cases'])
    .orderBy('u.display_name')
    .execute();
}

export async function findFunderNarrative(db: Db, orgId: string, year: number) {
  return db
    .selectFrom('funder_reports')
    .select(['narrative', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertFunderNarrative(
  db: Db,
  row: { orgId: string; year: number; narrative: string; userId: string; now: Date },
) {
  await db
    .insertInto('funder_reports')
    .values({
      org_id: row.orgId,
      year: row.year,
      narrative: row.narrative,
      updated_by: row.userId,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({
        narrative: row.narrative,
        updated_by: row.userId,
        updated_at: row.now,
      }),
    )
    .execute();
}

/** The organisation's language, for documents written for the organisation's readers (the funder report). */
export async function organisationLanguage(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisations')
    .select(['default_language', 'name'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { language: org.default_language, name: org.name };
}

/** Labels of taxonomy terms by id, in the organisation. */
export async function termLabels(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'labels', 'sort'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export async function reportSettings(db: Db, orgId: string): Promise<ReportSettings & { timeZone: string }> {
  const org = await db
    .selectFrom('organisations')
    .select(['report_threshold', 'report_round_to_five', 'time_zone'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  return { threshold: org.report_threshold, roundToFive: org.report_round_to_five, timeZone: org.time_zone };
}

export async function updateReportSettings(db: Db, orgId: string, input: ReportSettings, now: Date) {
  await db
    .updateTable('organisations')
    .set({ report_threshold: input.threshold, report_round_to_five: input.roundToFive, updated_at: now })
    .where('id', '=', orgId)
    .execute();
}
