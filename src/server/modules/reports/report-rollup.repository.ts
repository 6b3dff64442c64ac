import { sql, type RawBuilder } from 'kysely';
import type { Dimension, Measure } from '../../../shared/reports.schema.js';
import type { Db } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import {
  CALLER,
  FIRST_CONTACT,
  FIRST_COUNSELLOR_CONTACT,
  PROVINCE,
  SOURCES,
  TIME_FORMAT,
  dayInDays,
  periodRange,
  provinceOf,
} from './report-sources.repository.js';

/**
 * The rollup read model: per-day counts of requests and per-case durations of the organisation's complete
 * days (report_daily_requests, report_daily_request_kinds, report_case_times, report_rollups), its refresh,
 * and the reads the reports take from it for the days it holds.
 */

/**
 * The part of a period in the rollup (from its start to the last complete day there) and the first day after
 * it, counted live (null when the period ends in the rollup); undefined when the rollup has none of it.
 */
export function splitPeriod(input: {
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
export const ROLLUP_COUNTS: Partial<
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
export async function countRollup(
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
    where r.org_id = ${orgId} and ${dayInDays(sql.raw('r.day'), input.from, input.to)}
    group by ${positions}`.execute(db);
  return result.rows.map((r) => ({ keys: dimensions.map((_, i) => r[`k${i}`] ?? null), n: r.n }));
}

/** The duration measures read from the rollup, and their column in report_case_times. */
export const ROLLUP_HOURS: Partial<Record<Measure, 'hours_to_assignment' | 'hours_to_first_contact'>> = {
  time_to_assignment: 'hours_to_assignment',
  time_to_first_contact: 'hours_to_first_contact',
};
const ROLLUP_CASE_DIMENSIONS: Partial<Record<Dimension, string>> = {
  category: 'r.category_id',
  province: 'r.province',
};

/**
 * The cases of complete days with their duration from the rollup, as rows (k0, h) to union with the live
 * ones: percentiles need every value, not sums.
 */
export function rolledDurations(
  orgId: string,
  input: {
    column: 'hours_to_assignment' | 'hours_to_first_contact';
    dimension: Dimension | undefined;
    from: string;
    to: string;
  },
): RawBuilder<unknown> {
  const key = input.dimension ? rollupKey(ROLLUP_CASE_DIMENSIONS, input.dimension, 'r.start_day') : sql`null`;
  const hours = sql.ref(`r.${input.column}`);
  return sql`
      select ${key}::text as k0, ${hours} as h
      from report_case_times r
      where r.org_id = ${orgId} and ${dayInDays(sql.raw('r.start_day'), input.from, input.to)}
        and ${hours} is not null`;
}

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

/** Deletes the organisation's rollup rows of the days from `from` to `through` (inclusive). */
async function deleteDays(
  db: Db,
  orgId: string,
  table: 'report_daily_requests' | 'report_daily_request_kinds' | 'report_case_times',
  column: 'day' | 'start_day',
  days: { from: string; through: string },
): Promise<void> {
  await sql`delete from ${sql.table(table)}
    where org_id = ${orgId} and ${dayInDays(sql.ref(column), days.from, days.through)}`.execute(db);
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
  // The live counts' period clause (the cases' one reads d.start_at of the lateral below, named alike).
  const period = { from, to: through, timeZone: tz };
  await deleteDays(db, orgId, 'report_daily_requests', 'day', input);
  const requests = await sql`
    insert into report_daily_requests (org_id, day, category_id, channel, outcome, municipality, province, n)
    select c.org_id, (c.occurred_at at time zone ${tz})::date, c.category_id::text, c.channel, c.outcome,
      cl.municipality, ${sql.raw(PROVINCE)}, count(*)
    from contacts c ${sql.raw(CALLER)} ${sql.raw(provinceOf('cl'))}
    where c.org_id = ${orgId} and ${periodRange(SOURCES.requests, period)}
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  await deleteDays(db, orgId, 'report_daily_request_kinds', 'day', input);
  await sql`
    insert into report_daily_request_kinds (org_id, day, category_id, channel, outcome, n)
    select org_id, day, category_id, channel, outcome, sum(n)
    from report_daily_requests
    where org_id = ${orgId} and ${dayInDays(sql.raw('day'), from, through)}
    group by 1, 2, 3, 4, 5`.execute(db);
  await deleteDays(db, orgId, 'report_case_times', 'start_day', input);
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
    where ca.org_id = ${orgId} and ${periodRange(SOURCES.time_to_assignment, period)}
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
