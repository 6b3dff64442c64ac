import type { Kysely } from 'kysely';
import type { Report, ReportExport, ReportQuery, ReportSettings } from '../../../shared/reports.schema.js';
import type { DB } from '../../db/database.js';
import { onReplica } from '../../db/replica.js';
import type { Ctx } from '../../lib/context.js';
import { audit } from '../audit/audit.service.js';
import { buildReport } from './report-build.js';
import { measureLabel } from './report-labels.js';
import { reportPdf } from './report-pdf.js';
import { publishedTable, reportCsv } from './report-table.js';
import { reportXlsx } from './report-xlsx.js';
import { authorizeReport } from './reports.policy.js';
import * as repo from './reports.repository.js';

export async function runReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  authorizeReport(ctx.actor, 'report.view');
  return buildReport(ctx, q);
}

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * The published table as CSV, XLSX or PDF in the reader's language, with the rules it was published under;
 * every export is audited with its format. The figures come from the read replica when there is one; the
 * audit row goes to the primary, in the request's transaction.
 */
export async function exportReport(
  ctx: Ctx,
  q: ReportExport,
  replica?: Kysely<DB>,
): Promise<{ filename: string; body: Buffer; mediaType: string }> {
  authorizeReport(ctx.actor, 'report.export');
  const { format, ...query } = q;
  const report = await onReplica(replica, ctx, (r) => buildReport(r, query));
  const table = publishedTable(report, q.language);
  const body =
    format === 'xlsx'
      ? await reportXlsx(table, { language: q.language, title: measureLabel(q.language, report.measure) })
      : format === 'pdf'
        ? await reportPdf(report, table, q.language)
        : reportCsv(table);
  await audit(ctx, {
    action: 'report.export',
    entity: 'report',
    // Which report, readable in the log without details: measure/rows/columns/from/to/format.
    entityId: [
      report.measure,
      report.rows?.dimension ?? '-',
      report.columns?.dimension ?? '-',
      report.from,
      report.to,
      format,
    ].join('/'),
    details: {
      measure: report.measure,
      rows: report.rows?.dimension ?? null,
      columns: report.columns?.dimension ?? null,
      from: report.from,
      to: report.to,
      format,
    },
  });
  return {
    filename: `confidant-${report.measure}-${report.from}-${report.to}.${format}`,
    body,
    mediaType: MEDIA_TYPES[format],
  };
}

export async function getReportSettings(ctx: Ctx): Promise<ReportSettings> {
  authorizeReport(ctx.actor, 'report.settings.view');
  const { threshold, roundToFive } = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  return { threshold, roundToFive };
}

export async function updateReportSettings(ctx: Ctx, input: ReportSettings): Promise<ReportSettings> {
  authorizeReport(ctx.actor, 'report.settings.update');
  const before = await repo.reportSettings(ctx.db, ctx.actor.orgId);
  const changed = [
    ...(before.threshold !== input.threshold ? ['report_threshold'] : []),
    ...(before.roundToFive !== input.roundToFive ? ['report_round_to_five'] : []),
  ];
  if (changed.length > 0) {
    await repo.updateReportSettings(ctx.db, ctx.actor.orgId, input, ctx.clock.now());
    await audit(ctx, {
      action: 'organisation.report_settings_update',
      entity: 'organisation',
      entityId: ctx.actor.orgId,
      changedFields: changed,
      details: { threshold: input.threshold, roundToFive: input.roundToFive },
    });
  }
  return input;
}
