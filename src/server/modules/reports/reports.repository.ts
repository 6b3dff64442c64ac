import { sql, type RawBuilder } from 'kysely';
import type { Dimension, Measure, ReportSettings } from '../../../shared/reports.schema.js';
import type { Db } from '../../db/database.js';
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
  where?: string;
  /** A dimension is a constant expression, or one that needs the time zone (a calendar day of an instant). */
  dimensions: Partial<Record<Dimension, string | ((timeZone: string) => RawBuilder<unknown>)>>;
  /** Duration measures: the event's duration in hours. */
  hours?: string;
}

/** The first contact of a case: its earliest contact, or when it was opened if none is linked. */
const FIRST_CONTACT =
  'coalesce((select min(fc.occurred_at) from contacts fc where fc.case_id = ca.id and fc.org_id = ca.org_id), ca.opened_at)';

/** A duration between two instants of a case, for the cases where the second one happened. */
const caseDuration = (end: string): Source => ({
  from: `cases ca cross join lateral (select ${FIRST_CONTACT} as start_at, ${end} as end_at) d`,
  day: (tz) => sql`(d.start_at at time zone ${tz})::date`,
  where: 'd.end_at is not null',
  dimensions: { category: 'ca.category_id::text', province: province('ca') },
  hours: 'greatest(0, extract(epoch from (d.end_at - d.start_at)) / 3600.0)',
});

/** The province of a municipality named on the record, from the organisation's places list. */
const province = (table: string) =>
  `coalesce((select m.province from municipalities m where m.org_id = ${table}.org_id and m.name = ${table}.municipality limit 1), 'unknown')`;

const SOURCES: Record<Measure, Source> = {
  requests: {
    from: 'contacts c join callers cl on cl.id = c.caller_id and cl.org_id = c.org_id',
    day: (tz) => sql`(c.occurred_at at time zone ${tz})::date`,
    dimensions: {
      category: 'c.category_id::text',
      channel: 'c.channel',
      outcome: 'c.outcome',
      municipality: 'cl.municipality',
      province: province('cl'),
    },
  },
  cases_opened: {
    from: 'cases ca',
    day: (tz) => sql`(ca.opened_at at time zone ${tz})::date`,
    dimensions: {
      category: 'ca.category_id::text',
      municipality: 'ca.municipality',
      province: province('ca'),
    },
  },
  cases_closed: {
    from: 'cases ca',
    day: (tz) => sql`(ca.closed_at at time zone ${tz})::date`,
    where: 'ca.closed_at is not null',
    dimensions: {
      category: 'ca.category_id::text',
      closure: "coalesce(ca.closure_id::text, 'unknown')",
      province: province('ca'),
    },
  },
  interventions: {
    from: 'case_interventions ci',
    day: () => sql`ci.occurred_on::date`,
    dimensions: { intervention: 'ci.intervention_id::text' },
  },
  referrals_sent: {
    from: 'referrals r join partners p on p.id = r.partner_id and p.org_id = r.org_id',
    day: (tz) => sql`(r.sent_at at time zone ${tz})::date`,
    where: 'r.sent_at is not null',
    dimensions: { partner_type: 'p.type', status: 'r.status' },
  },
  consents_given: {
    from: 'consents co left join partners p on p.id = co.partner_id and p.org_id = co.org_id',
    day: () => sql`co.given_on::date`,
    dimensions: { partner_type: "coalesce(co.partner_type, p.type, 'unknown')", purpose: 'co.purpose' },
  },
  consents_withdrawn: {
    from: 'consents co left join partners p on p.id = co.partner_id and p.org_id = co.org_id',
    day: () => sql`co.withdrawn_on::date`,
    where: 'co.withdrawn_on is not null',
    dimensions: { partner_type: "coalesce(co.partner_type, p.type, 'unknown')", purpose: 'co.purpose' },
  },
  aftercare_checkins: {
    from: 'tasks tk',
    day: () => sql`tk.due_on::date`,
    where: "tk.kind = 'aftercare' and tk.cancelled_at is null",
    dimensions: {
      // Done by the due day where the organisation is, done later, or not (yet) done.
      timeliness: (tz) =>
        sql`case when tk.done_at is null then 'not_done' when (tk.done_at at time zone ${tz})::date <= tk.due_on::date then 'on_time' else 'late' end`,
    },
  },
  time_to_assignment: caseDuration('ca.first_assigned_at'),
  // The first entry in the case's contact log written by a counsellor (the intake itself is not one).
  time_to_first_contact: caseDuration(
    "(select min(l.occurred_at) from case_log l join users u on u.id = l.author_id and u.org_id = l.org_id where l.case_id = ca.id and l.org_id = ca.org_id and l.contact_id is null and u.role = 'counsellor')",
  ),
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
  return typeof raw === 'string' ? sql.raw(raw) : raw(timeZone);
}

export interface CountRow {
  k0: string | null;
  k1: string | null;
  n: number;
}

/** Counts the measure's events between two days (inclusive), grouped by up to two dimensions. */
export async function countBy(
  db: Db,
  orgId: string,
  input: { measure: Measure; from: string; to: string; timeZone: string; dimensions: Dimension[] },
): Promise<CountRow[]> {
  const source = SOURCES[input.measure];
  const day = source.day(input.timeZone);
  const [d0, d1] = input.dimensions;
  const k0 = d0 ? expression(source, d0, day, input.timeZone) : sql`null`;
  const k1 = d1 ? expression(source, d1, day, input.timeZone) : sql`null`;
  const where = source.where ? sql`and ${sql.raw(source.where)}` : sql``;
  const result = await sql<CountRow>`
    select ${k0}::text as k0, ${k1}::text as k1, count(*)::int as n
    from ${sql.raw(source.from)}
    where ${sql.raw(alias(source))}.org_id = ${orgId}
      and ${day} between ${input.from}::date and ${input.to}::date
      ${where}
    group by 1, 2`.execute(db);
  return result.rows;
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
  input: { measure: Measure; from: string; to: string; timeZone: string; dimension: Dimension | undefined },
): Promise<DurationRow[]> {
  const source = SOURCES[input.measure];
  if (!source.hours) throw new Error(`${input.measure} is not a duration`);
  const day = source.day(input.timeZone);
  const hours = sql.raw(source.hours);
  const where = source.where ? sql`and ${sql.raw(source.where)}` : sql``;
  const key = input.dimension ? expression(source, input.dimension, day, input.timeZone) : sql`null`;
  // Grouping sets give every group and the whole in one pass; grouping() tells the whole from a null key.
  const result = await sql<DurationRow & { whole: number }>`
    select s.k0, grouping(s.k0) as whole, count(*)::int as n,
      percentile_cont(0.5) within group (order by s.h)::float8 as median,
      percentile_cont(0.9) within group (order by s.h)::float8 as p90
    from (
      select ${key}::text as k0, ${hours} as h
      from ${sql.raw(source.from)}
      where ${sql.raw(alias(source))}.org_id = ${orgId}
        and ${day} between ${input.from}::date and ${input.to}::date
        ${where}
    ) s
    group by grouping sets ((s.k0), ())`.execute(db);
  return result.rows.map((r) => ({
    k0: Number(r.whole) === 1 ? null : (r.k0 ?? 'unknown'),
    n: r.n,
    median: Number(r.median),
    p90: Number(r.p90),
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
