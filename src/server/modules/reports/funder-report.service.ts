import type {
  Dimension,
  FunderNarrative,
  FunderQuery,
  FunderReport,
  FunderYear,
  Measure,
  Report,
} from '../../../shared/reports.schema.js';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { funderPdf, type FunderFigures } from './funder-pdf.js';
import { buildReport } from './report-build.js';
import { authorizeReport, canReport } from './reports.policy.js';
import * as repo from './reports.repository.js';

/** The headline counts of a funder report: each one a whole year's total, published under the same rules. */
const HEADLINE_MEASURES: readonly Measure[] = [
  'requests',
  'cases_opened',
  'cases_closed',
  'interventions',
  'referrals_sent',
  'consents_given',
];

/** A year's narrative (this year's, where the organisation is, unless another is asked for). */
export async function getFunderReport(ctx: Ctx, q: FunderQuery): Promise<FunderReport> {
  authorizeReport(ctx.actor, 'report.funder.view');
  const year = q.year ?? Number((await todayOf(ctx)).slice(0, 4));
  const row = await repo.findFunderNarrative(ctx.db, ctx.actor.orgId, year);
  return {
    year,
    narrative: row?.narrative ?? '',
    updatedAt: row?.updated_at.toISOString() ?? null,
    canEdit: canReport(ctx.actor, 'report.funder.update'),
  };
}

/** Saves the coordinator's narrative for a year (one per organisation and year), audited when it changes. */
export async function saveFunderNarrative(ctx: Ctx, input: FunderNarrative): Promise<FunderReport> {
  authorizeReport(ctx.actor, 'report.funder.update');
  const before = await repo.findFunderNarrative(ctx.db, ctx.actor.orgId, input.year);
  if (before?.narrative !== input.narrative) {
    await repo.upsertFunderNarrative(ctx.db, {
      orgId: ctx.actor.orgId,
      year: input.year,
      narrative: input.narrative,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await audit(ctx, {
      action: before ? 'report.funder_narrative_update' : 'report.funder_narrative_create',
      entity: 'funder_report',
      entityId: String(input.year),
      changedFields: ['narrative'],
      // The length, not the text: the log says that it changed, the report says what it says.
      details: { year: input.year, length: input.narrative.length },
    });
  }
  return getFunderReport(ctx, { year: input.year });
}

/** The organisation's language if the documents speak it, else Dutch. */
const documentLanguage = (language: string): UiLanguage =>
  (UI_LANGUAGES as readonly string[]).includes(language) ? (language as UiLanguage) : 'nl';

/**
 * The yearly funder report as a PDF in the organisation's language: the year's headline figures and two
 * breakdowns, every one through disclosure control, and the coordinator's narrative. Audited as an export, so
 * it appears in the privacy officer's log beside the other report exports.
 */
export async function exportFunderReport(
  ctx: Ctx,
  q: FunderYear,
): Promise<{ filename: string; body: Buffer; mediaType: string }> {
  authorizeReport(ctx.actor, 'report.funder.export');
  const org = await repo.organisationLanguage(ctx.db, ctx.actor.orgId);
  const language = documentLanguage(org.language);
  const period = { from: `${q.year}-01-01`, to: `${q.year}-12-31`, language };
  const run = (measure: Measure, rows?: Dimension) =>
    buildReport(ctx, { measure, ...period, ...(rows ? { rows } : {}) });
  const headlines: Report[] = [];
  for (const measure of HEADLINE_MEASURES) headlines.push(await run(measure));
  const figures: FunderFigures = {
    year: q.year,
    organisation: org.name,
    headlines,
    aftercare: await run('aftercare_checkins', 'timeliness'),
    timeToAssignment: await run('time_to_assignment'),
    timeToFirstContact: await run('time_to_first_contact'),
    byCategory: await run('requests', 'category'),
    byIntervention: await run('interventions', 'intervention'),
  };
  const narrative = (await repo.findFunderNarrative(ctx.db, ctx.actor.orgId, q.year))?.narrative ?? '';
  const body = await funderPdf(figures, narrative, language);
  await audit(ctx, {
    action: 'report.export',
    entity: 'report',
    entityId: `funder/${q.year}/pdf`,
    details: { report: 'funder', year: q.year, format: 'pdf', language },
  });
  return { filename: `confidant-funder-report-${q.year}.pdf`, body, mediaType: 'application/pdf' };
}
