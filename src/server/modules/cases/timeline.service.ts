import type { Timeline, TimelineEntry, TimelineQuery } from '../../../shared/timeline.schema.js';
import { TimelineEntrySchema } from '../../../shared/timeline.schema.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField } from '../../lib/errors.js';
import { recordAccess } from '../audit/audit.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { loadCase } from './cases.service.js';
import type { TimelineCursor, TimelineRow } from './timeline.repository.js';
import { listTimeline } from './timeline.repository.js';

/** The instant, then 0 for the opening of the case and 1 for everything in it (see the repository). */
const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[01]$/;
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?::[ws])?|s\d{1,18})$/;

/** Opaque to clients: base64url of `<sort key>|<entry id>`. */
function encode(c: TimelineCursor): string {
  return Buffer.from(`${c.key}|${c.id}`, 'utf8').toString('base64url');
}

function decode(value: string): TimelineCursor {
  const parts = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const [key, id] = parts;
  if (parts.length !== 2 || !key || !id || !KEY.test(key) || !ID.test(id))
    throw invalidField('before', 'invalid_cursor', 'This page cursor is not valid');
  return { key, id };
}

/** A row as the typed entry the page shows; a row that does not fit the schema (say, a new kind) is left out. */
function toEntry(r: TimelineRow): TimelineEntry | undefined {
  const parsed = TimelineEntrySchema.safeParse({
    kind: r.kind,
    id: r.id,
    at: r.at ? new Date(r.at).toISOString() : null,
    on: r.on,
    channel: r.channel,
    durationMinutes: r.duration,
    intake: r.intake,
    from: r.from_state,
    to: r.to_state,
    subjectId: r.subject_id,
    status: r.status,
    interventionId: r.intervention_id,
    purpose: r.purpose,
    partnerName: r.partner_name,
    partnerType: r.partner_type,
    counsellorName: r.counsellor_name,
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The case's story in date order, newest first: contacts, state changes, statuses of the persons of concern,
 * interventions, consents and referrals. Same access as reading the case, and logged like it.
 */
export async function getTimeline(ctx: Ctx, caseId: string, q: TimelineQuery): Promise<Timeline> {
  const { grant } = await loadCase(ctx, caseId, 'case.view');
  const before = q.before ? decode(q.before) : undefined;
  await recordAccess(ctx, {
    entity: 'case',
    entityId: caseId,
    purpose: 'timeline',
    reason: grant ? 'granted' : null,
  });
  const rows = await listTimeline(ctx.db, {
    caseId,
    timeZone: await getTimeZone(ctx.db, ctx.actor.orgId),
    limit: q.limit + 1,
    ...(before ? { before } : {}),
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry).filter((e): e is TimelineEntry => e !== undefined),
    next: rows.length > q.limit && last ? encode({ key: last.sort_key, id: last.id }) : null,
  };
}
