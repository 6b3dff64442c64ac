import type { DataCategory, FormLanguage } from '../../../shared/consent.schema.js';
import { ChannelSchema } from '../../../shared/cases.schema.js';
import type { Summary } from '../../../shared/referrals.schema.js';
import type { Ctx } from '../../lib/context.js';
import { openOptional, openText } from '../../lib/fields.js';
import { todayOf } from '../organisations/today.js';
import type { CaseRow } from '../cases/cases.repository.js';
import * as contents from '../cases/case-contents.repository.js';
import { getOrganisation } from '../organisations/organisations.repository.js';
import { findTerm } from '../taxonomies/taxonomies.repository.js';
import * as repo from './referrals.repository.js';

export interface SummaryRequest {
  kase: CaseRow;
  categories: readonly DataCategory[];
  recipient: string;
  purpose: Summary['purpose'];
  basis: Summary['basis'];
  language: FormLanguage;
}

/**
 * A consented summary. Data minimisation by construction: a section is read and decrypted only when its
 * category is included, so nothing outside the consented scope can end up on screen or on paper.
 */
export async function buildSummary(ctx: Ctx, req: SummaryRequest): Promise<Summary> {
  const { kase } = req;
  const has = (c: DataCategory) => req.categories.includes(c);
  const org = await getOrganisation(ctx.db, ctx.actor.orgId);
  const summary: Summary = {
    organisation: org.name,
    caseReference: kase.reference,
    recipient: req.recipient,
    purpose: req.purpose,
    basis: req.basis,
    categories: [...req.categories],
    producedOn: await todayOf(ctx),
  };

  if (has('contact_details')) {
    const caller = await repo.getCallerContact(ctx.db, kase.caller_id);
    const contact = await repo.findLatestContactPreferences(ctx.db, kase.id);
    summary.contactDetails = {
      callerAlias: await openText(ctx, 'callers', 'alias', kase.caller_id, caller.alias_enc),
      phone: caller.phone_enc
        ? await openText(ctx, 'callers', 'phone', kase.caller_id, caller.phone_enc)
        : null,
      language: caller.language,
      municipality: caller.municipality,
      mayCallBack: contact?.may_call_back ?? null,
      mayLeaveMessage: contact?.may_leave_message ?? null,
      safeChannel: ChannelSchema.safeParse(contact?.safe_channel).data ?? null,
      safeTimes: contact
        ? await openOptional(ctx, 'contacts', 'safe_times', contact.id, contact.safe_times_enc)
        : '',
    };
  }

  if (has('concern_summary')) {
    const term = await findTerm(ctx.db, kase.category_id);
    summary.concernSummary = {
      category: term ? `${term.code} ${term.labels[req.language]}` : '',
      summary: await openText(ctx, 'cases', 'summary', kase.id, kase.summary_enc),
    };
  }

  if (has('signals')) {
    const rows = await contents.observations(ctx.db, kase.id);
    summary.signals = await Promise.all(
      rows.map(async (o) => ({
        kind: o.kind,
        observedOn: o.observed_on,
        text: await openText(ctx, 'case_observations', 'text', o.id, o.text_enc),
      })),
    );
  }

  if (has('person_status')) {
    const [subjects, events] = await Promise.all([
      contents.subjects(ctx.db, kase.id),
      contents.statusEvents(ctx.db, kase.id),
    ]);
    summary.personStatus = await Promise.all(
      subjects.map(async (s) => ({
        alias: await openText(ctx, 'case_subjects', 'alias', s.id, s.alias_enc),
        ageBand: s.age_band,
        gender: s.gender,
        municipality: s.municipality,
        // Status notes are case-worker notes, not part of the status itself: they stay inside.
        timeline: events
          .filter((e) => e.subject_id === s.id)
          .map((e) => ({ status: e.status, occurredOn: e.occurred_on })),
      })),
    );
  }

  if (has('support_history')) {
    const [log, interventions, goals] = await Promise.all([
      contents.logEntries(ctx.db, kase.id),
      repo.listInterventionLabels(ctx.db, kase.id),
      contents.goals(ctx.db, kase.id),
    ]);
    summary.supportHistory = {
      openedOn: kase.opened_at.toISOString().slice(0, 10),
      // When and how we had contact, not what was said: conversation notes stay inside.
      contacts: log
        .map((l) => ({
          on: l.occurred_at.toISOString().slice(0, 10),
          channel: l.channel,
          minutes: l.duration_minutes,
        }))
        .reverse(),
      interventions: interventions.map((i) => ({
        code: i.code,
        label: i.labels[req.language],
        on: i.occurred_on,
      })),
      goals: await Promise.all(
        goals.map(async (g) => ({
          text: await openText(ctx, 'case_goals', 'text', g.id, g.text_enc),
          status: g.status,
        })),
      ),
    };
  }
  return summary;
}
