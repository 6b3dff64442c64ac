import { sql } from 'kysely';
import type { Dimension, Measure, ReportSettings } from '../../../shared/reports.schema.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import {
  ROLLUP_COUNTS,
  ROLLUP_HOURS,
  countRollup,
  rolledDurations,
  splitPeriod,
} from './report-rollup.repository.js';
import {
  SOURCES,
  TIME_FORMAT,
  dayStart,
  expression,
  fromClause,
  inPeriod,
  periodStarts,
} from './report-sources.repository.js';

/**
 * The reports' reads for the dashboard panels and the report builder (counts, durations and reach, from the
 * events and, for complete days, the rollup of report-rollup.repository.ts), and the report settings.
 */

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
      ? sql`${rolledDurations(orgId, { column, dimension: input.dimension, from: input.from, to: split.rolledTo })}
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
