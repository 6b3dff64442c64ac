import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import type { Meeting, MeetingCreateSchema } from '../../../shared/meetings.schema.js';
import type { Summary } from '../../../shared/referrals.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { openOptional, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { loadCase } from '../cases/cases.service.js';
import { recordDisclosure } from '../referrals/disclosures.service.js';
import { coverage } from '../consent/consent.coverage.js';
import { getConsentDates } from '../consent/consent.repository.js';
import { listActivePartnerIds, listPartnersByIds } from '../partners/partners.repository.js';
import { caseConsents, consentRequired, type CaseConsents } from '../referrals/referrals.service.js';
import { renderSummaryPdf } from '../referrals/summary-pdf.js';
import { buildSummary } from '../referrals/summary.service.js';
import * as repo from './meetings.repository.js';
import type { MeetingRow } from './meetings.repository.js';

/** What the participants of some meetings of one case are checked against: read once, not per participant. */
interface Participants {
  partners: Awaited<ReturnType<typeof listPartnersByIds>>;
  consents: CaseConsents;
}

async function participantsOf(
  ctx: Ctx,
  caseId: string,
  meetings: readonly MeetingRow[],
): Promise<Participants> {
  const ids = [...new Set(meetings.flatMap((m) => m.partner_ids))];
  const partners = await listPartnersByIds(ctx.db, ids);
  return { partners, consents: await caseConsents(ctx, caseId) };
}

/** The meeting's participants by name, each with whether an active consent covers sharing with them. */
function participants(m: MeetingRow, { partners, consents }: Participants) {
  const invited = new Set(m.partner_ids);
  return partners
    .filter((p) => invited.has(p.id))
    .map((p) => ({
      ...p,
      coverage: coverage(consents.facts, {
        partnerId: p.id,
        partnerType: p.type,
        purpose: 'case_meeting',
        categories: m.categories,
        on: consents.today,
      }),
    }));
}

async function toMeeting(ctx: Ctx, m: MeetingRow, known: Participants): Promise<Meeting> {
  const people = participants(m, known);
  return {
    id: m.id,
    caseId: m.case_id,
    municipality: m.municipality,
    meetingOn: m.meeting_on,
    participants: people,
    categories: m.categories,
    note: await openOptional(ctx, 'case_meetings', 'note', m.id, m.note_enc),
    covered: people.length > 0 && people.every((p) => p.coverage.covered),
    sharedAt: m.shared_at?.toISOString() ?? null,
    createdAt: m.created_at.toISOString(),
  };
}

async function getMeeting(ctx: Ctx, caseId: string, id: string): Promise<MeetingRow> {
  const m = await repo.findMeeting(ctx.db, caseId, id);
  if (!m) throw new AppError('not_found', 'No such case meeting');
  return m;
}

/** The meeting as the API shows it, after a change. */
async function meetingNow(ctx: Ctx, caseId: string, id: string): Promise<Meeting> {
  const m = await getMeeting(ctx, caseId, id);
  return toMeeting(ctx, m, await participantsOf(ctx, caseId, [m]));
}

export async function listMeetings(
  ctx: Ctx,
  caseId: string,
): Promise<{ items: Meeting[]; canManage: boolean }> {
  const { row } = await loadCase(ctx, caseId, 'case.view');
  const rows = await repo.listMeetings(ctx.db, caseId);
  const known = await participantsOf(ctx, caseId, rows);
  return {
    items: await Promise.all(rows.map((m) => toMeeting(ctx, m, known))),
    canManage: row.state !== 'closed',
  };
}

/** Records that the case is discussed at a local multi-agency meeting. Recording shares nothing yet. */
export const createMeeting = idempotent(
  'case_meeting',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: z.infer<typeof MeetingCreateSchema>) => {
    const actor = ctx.actor as Actor;
    const ids = [...new Set(input.partnerIds)];
    const found = await listActivePartnerIds(ctx.db, ids);
    if (found.size !== ids.length)
      throw invalidField('partnerIds', 'unknown_partner', 'Choose participants from the directory');
    const id = randomUUID();
    await repo.insertMeeting(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      municipality: input.municipality,
      meeting_on: input.meetingOn,
      partner_ids: ids,
      categories: [...new Set(input.categories)],
      note_enc: input.note ? await sealText(ctx, 'case_meetings', 'note', id, input.note) : null,
      created_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'meeting.record',
      entity: 'case_meeting',
      entityId: id,
      changedFields: ['municipality', 'meeting_on', 'partner_ids', 'categories', 'note'],
      details: { caseId },
    });
    return { id };
  },
);

export async function recordMeeting(
  ctx: Ctx,
  caseId: string,
  input: z.infer<typeof MeetingCreateSchema>,
): Promise<Meeting> {
  await loadCase(ctx, caseId, 'case.edit');
  const { id } = await createMeeting(ctx, caseId, input);
  return meetingNow(ctx, caseId, id);
}

/** Every participant must be covered by an active consent for case meetings with these categories. */
async function coveredMeeting(ctx: Ctx, caseId: string, id: string) {
  const m = await getMeeting(ctx, caseId, id);
  const known = await participantsOf(ctx, caseId, [m]);
  const people = participants(m, known);
  const uncovered = people.find((p) => !p.coverage.covered);
  if (uncovered) throw consentRequired(uncovered.coverage);
  return { m, people, known };
}

/** One consented summary for one case: never in bulk. Each production is in the access log. */
export async function meetingSummary(
  ctx: Ctx,
  caseId: string,
  id: string,
  language: FormLanguage = 'nl',
): Promise<Summary> {
  const { row: kase } = await loadCase(ctx, caseId, 'case.view');
  const { m, people } = await coveredMeeting(ctx, caseId, id);
  const first = people[0]!.coverage.consentId!;
  const consent = await getConsentDates(ctx.db, first);
  await recordAccess(ctx, { entity: 'case_meeting', entityId: id, purpose: 'summary' });
  return buildSummary(ctx, {
    kase,
    categories: m.categories,
    recipient: `${m.municipality} ${m.meeting_on}: ${people.map((p) => p.name).join(', ')}`,
    purpose: 'case_meeting',
    basis: { kind: 'consent', consentId: first, givenOn: consent.given_on, validUntil: consent.valid_until },
    language,
  });
}

export async function meetingSummaryPdf(
  ctx: Ctx,
  caseId: string,
  id: string,
  language: FormLanguage,
): Promise<Buffer> {
  return renderSummaryPdf(await meetingSummary(ctx, caseId, id, language), language);
}

/** Shares the summary at the meeting: one disclosure per participant, under that participant's consent. */
export async function shareMeeting(ctx: Ctx, caseId: string, id: string): Promise<Meeting> {
  await loadCase(ctx, caseId, 'case.edit');
  // Concurrent shares queue here: the second one sees shared_at and discloses nothing twice.
  await repo.lockMeeting(ctx.db, id);
  const { m, people, known } = await coveredMeeting(ctx, caseId, id);
  if (m.shared_at) return toMeeting(ctx, m, known);
  for (const p of people)
    await recordDisclosure(ctx, {
      caseId,
      kind: 'case_meeting',
      meetingId: id,
      partner: { id: p.id, name: p.name },
      categories: m.categories,
      channel: 'meeting',
      basis: { consentId: p.coverage.consentId!, purpose: 'case_meeting' },
    });
  await repo.markMeetingShared(ctx.db, id, ctx.clock.now());
  await audit(ctx, {
    action: 'meeting.share',
    entity: 'case_meeting',
    entityId: id,
    changedFields: ['shared_at'],
    details: { caseId, participants: people.length },
  });
  return toMeeting(ctx, await getMeeting(ctx, caseId, id), known);
}
