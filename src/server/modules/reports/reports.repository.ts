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
  dimensions: Partial<Record<Dimension, string>>;
}

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

function expression(source: Source, dimension: Dimension, day: RawBuilder<unknown>): RawBuilder<unknown> {
  const format = TIME_FORMAT[dimension];
  if (format) return sql`to_char(${day}, ${sql.lit(format)})`;
  const raw = source.dimensions[dimension];
  if (!raw) throw new Error(`No dimension ${dimension} for this measure`);
  return sql.raw(raw);
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
  const k0 = d0 ? expression(source, d0, day) : sql`null`;
  const k1 = d1 ? expression(source, d1, day) : sql`null`;
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
