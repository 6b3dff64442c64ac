import type { Report } from '../../../shared/reports.schema.js';
import type { UiLanguage } from '../../../shared/roles.js';
import { renderPdf, type PdfBlock } from '../../lib/pdf/render.js';
import { measureLabel, uiText } from './report-labels.js';
import { tableBlocks } from './report-pdf.js';
import { exportCell, formatHours, publishedTable } from './report-table.js';

/** Everything a funder report shows, already published under the organisation's disclosure rules. */
export interface FunderFigures {
  year: number;
  organisation: string;
  /** Whole-year totals, no breakdown. */
  headlines: Report[];
  /** Aftercare check-ins due in the year, by timeliness. */
  aftercare: Report;
  timeToAssignment: Report;
  timeToFirstContact: Report;
  byCategory: Report;
  byIntervention: Report;
}

/** The median and 90th percentile of a duration, or the marker of its hidden count. */
function durationText(report: Report, language: UiLanguage): string {
  const stats = report.durations?.total;
  if (!stats || stats.kind === 'suppressed') return exportCell(report.total, report.rules.threshold);
  return uiText(language, 'reports.funder.duration', {
    median: formatHours(stats.median, language),
    p90: formatHours(stats.p90, language),
    cases: exportCell(report.total, report.rules.threshold),
  });
}

/**
 * The yearly funder report: headline figures, the coordinator's narrative, requests by category and
 * interventions by type (tables with bars), and the legend — in the organisation's language.
 */
export async function funderPdf(f: FunderFigures, narrative: string, language: UiLanguage): Promise<Buffer> {
  const text = (key: string, values: Record<string, string | number> = {}) =>
    uiText(language, `reports.funder.${key}`, values);
  const threshold = f.headlines[0]?.rules.threshold ?? 5;
  const cell = (report: Report) => exportCell(report.total, report.rules.threshold);
  const onTime = f.aftercare.cells[f.aftercare.rows?.keys.findIndex((k) => k.key === 'on_time') ?? 0]?.[0];
  const title = text('pdfTitle', { year: f.year });
  const paragraphs = narrative
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const categories = publishedTable(f.byCategory, language);
  const interventions = publishedTable(f.byIntervention, language);
  const blocks: PdfBlock[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: `${f.organisation} · ${categories.notes[0]!}` },
    { kind: 'heading', text: text('headlines') },
    ...f.headlines.map((r) => ({
      kind: 'field' as const,
      label: measureLabel(language, r.measure),
      value: cell(r),
    })),
    {
      kind: 'field',
      label: text('aftercareOnTime'),
      value: text('ofTotal', {
        part: onTime ? exportCell(onTime, threshold) : '0',
        total: cell(f.aftercare),
      }),
    },
    {
      kind: 'field',
      label: measureLabel(language, 'time_to_assignment'),
      value: durationText(f.timeToAssignment, language),
    },
    {
      kind: 'field',
      label: measureLabel(language, 'time_to_first_contact'),
      value: durationText(f.timeToFirstContact, language),
    },
    { kind: 'heading', text: text('narrative') },
    ...(paragraphs.length
      ? paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p }))
      : [{ kind: 'paragraph' as const, text: text('noNarrative') }]),
    { kind: 'heading', text: measureLabel(language, 'requests') },
    ...tableBlocks(f.byCategory, categories),
    { kind: 'heading', text: measureLabel(language, 'interventions') },
    ...tableBlocks(f.byIntervention, interventions),
    { kind: 'list', items: categories.notes.slice(1) },
  ];
  return renderPdf({ lang: language, title, footer: f.organisation, blocks });
}
