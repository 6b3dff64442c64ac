import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';

/** A position in the timeline: the sort key of the last entry shown and its id (ties). */
export interface TimelineCursor {
  key: string;
  id: string;
}

/** One row of the merged timeline, as the database returns it (typed fields null where they do not apply). */
export interface TimelineRow {
  kind: string;
  id: string;
  at: Date | null;
  on: string;
  sort_key: string;
  channel: string | null;
  duration: number | null;
  intake: boolean | null;
  from_state: string | null;
  to_state: string | null;
  subject_id: string | null;
  status: string | null;
  intervention_id: string | null;
  purpose: string | null;
  partner_name: string | null;
  partner_type: string | null;
  counsellor_name: string | null;
}

const FIELDS = {
  channel: 'text',
  duration: 'int',
  intake: 'boolean',
  from_state: 'text',
  to_state: 'text',
  subject_id: 'text',
  status: 'text',
  intervention_id: 'text',
  purpose: 'text',
  partner_name: 'text',
  partner_type: 'text',
  counsellor_name: 'text',
} as const;
type Field = keyof typeof FIELDS;

const DAY = `'YYYY-MM-DD'`;
const TIME = `'HH24:MI:SS.US'`;

/**
 * The timeline is one UNION ALL over the case's tables, sorted and cut in the database: one query whatever
 * the number of entries (no query per row), and a keyset cursor for "show more".
 */
export async function listTimeline(
  db: Db,
  input: { caseId: string; timeZone: string; limit: number; before?: TimelineCursor },
): Promise<TimelineRow[]> {
  const tz = input.timeZone;
  const caseId = input.caseId;
  /** Day and sort key of an instant, in the organisation's time zone. */
  const instant = (col: string) => ({
    at: sql.raw(col),
    on: sql`to_char(${sql.raw(col)} at time zone ${tz}, ${sql.raw(DAY)})`,
    key: sql`to_char(${sql.raw(col)} at time zone ${tz}, ${sql.raw(`'YYYY-MM-DD"T"${TIME.slice(1)}`)})`,
  });
  /**
   * A dated entry (a day only) sorts at the time it was recorded when recorded on that day, so that "call,
   * then status change" stays in that order; otherwise at the start of its day.
   */
  const dated = (dayCol: string, createdCol: string) => ({
    at: sql`null::timestamptz`,
    on: sql`${sql.raw(dayCol)}::text`,
    key: sql`${sql.raw(dayCol)}::text || 'T' || case
      when to_char(${sql.raw(createdCol)} at time zone ${tz}, ${sql.raw(DAY)}) = ${sql.raw(dayCol)}::text
      then to_char(${sql.raw(createdCol)} at time zone ${tz}, ${sql.raw(TIME)})
      else '00:00:00.000000' end`,
  });
  const branch = (
    kind: string,
    id: RawBuilder<unknown>,
    when: { at: RawBuilder<unknown>; on: RawBuilder<unknown>; key: RawBuilder<unknown> },
    fields: Partial<Record<Field, RawBuilder<unknown>>>,
    from: RawBuilder<unknown>,
  ) => {
    const cols = (Object.keys(FIELDS) as Field[]).map(
      (f) => sql`${fields[f] ?? sql.raw(`null::${FIELDS[f]}`)} as ${sql.ref(f)}`,
    );
    // At the same instant the case's opening comes before anything in it (the intake call is logged in the
    // same transaction): a last character that ranks it lowest keeps the order stable.
    const rank = sql.lit(kind === 'opened' ? '0' : '1');
    return sql`select ${kind}::text as kind, ${id} as id, ${when.at} as at, ${when.on} as "on",
      ${when.key} || ${rank} as sort_key, ${sql.join(cols)} ${from}`;
  };

  const branches = [
    branch('opened', sql`c.id::text`, instant('c.opened_at'), {}, sql`from cases c where c.id = ${caseId}`),
    branch(
      'contact',
      sql`l.id::text`,
      instant('l.occurred_at'),
      {
        channel: sql`l.channel::text`,
        duration: sql`l.duration_minutes`,
        intake: sql`l.contact_id is not null`,
      },
      sql`from case_log l where l.case_id = ${caseId}`,
    ),
    branch(
      'state',
      sql`'s' || a.id::text`,
      instant('a.at'),
      { from_state: sql`a.details->>'from'`, to_state: sql`a.details->>'to'` },
      sql`from audit_log a where a.entity = 'case' and a.entity_id = ${caseId}
        and a.action = 'case.transition'`,
    ),
    // Assigning (directly or by an accepted offer) makes the case active: a state change of its own kind.
    branch(
      'assigned',
      sql`'s' || a.id::text`,
      instant('a.at'),
      {
        counsellor_name: sql`u.display_name`,
        to_state: sql`case when 'state' = any(a.changed_fields) then 'active' end`,
      },
      sql`from audit_log a left join users u on u.id::text = a.details->>'to'
        where a.entity = 'case' and a.entity_id = ${caseId}
        and a.action in ('case.assign', 'case.reassign')`,
    ),
    branch(
      'subject_status',
      sql`e.id::text`,
      dated('e.occurred_on', 'e.created_at'),
      { subject_id: sql`e.subject_id::text`, status: sql`e.status::text` },
      sql`from subject_status_events e where e.case_id = ${caseId}`,
    ),
    branch(
      'intervention',
      sql`i.id::text`,
      dated('i.occurred_on', 'i.created_at'),
      { intervention_id: sql`i.intervention_id::text` },
      sql`from case_interventions i where i.case_id = ${caseId}`,
    ),
    branch(
      'consent',
      sql`k.id::text`,
      dated('k.given_on', 'k.created_at'),
      { purpose: sql`k.purpose::text`, partner_name: sql`p.name`, partner_type: sql`k.partner_type::text` },
      sql`from consents k left join partners p on p.id = k.partner_id where k.case_id = ${caseId}`,
    ),
    branch(
      'consent_withdrawn',
      sql`k.id::text || ':w'`,
      dated('k.withdrawn_on', 'k.withdrawn_at'),
      { purpose: sql`k.purpose::text`, partner_name: sql`p.name`, partner_type: sql`k.partner_type::text` },
      sql`from consents k left join partners p on p.id = k.partner_id
        where k.case_id = ${caseId} and k.withdrawn_on is not null`,
    ),
    branch(
      'referral',
      sql`r.id::text`,
      instant('r.created_at'),
      { purpose: sql`r.purpose::text`, partner_name: sql`p.name`, status: sql`r.status::text` },
      sql`from referrals r join partners p on p.id = r.partner_id where r.case_id = ${caseId}`,
    ),
    branch(
      'referral_sent',
      sql`r.id::text || ':s'`,
      instant('r.sent_at'),
      { purpose: sql`r.purpose::text`, partner_name: sql`p.name`, channel: sql`r.channel::text` },
      sql`from referrals r join partners p on p.id = r.partner_id
        where r.case_id = ${caseId} and r.sent_at is not null`,
    ),
  ];
  const before = input.before
    ? sql`where (t.sort_key, t.id) < (${input.before.key}, ${input.before.id})`
    : sql``;
  const result = await sql<TimelineRow>`select t.* from (${sql.join(branches, sql` union all `)}) t
    ${before} order by t.sort_key desc, t.id desc limit ${input.limit}`.execute(db);
  return result.rows;
}
