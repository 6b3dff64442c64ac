import { EXPORT_MAX, type AccessExportQuery, type AuditExportQuery } from '../../../shared/audit.schema.js';
import type { Ctx } from '../../lib/context.js';
import { toCsv } from '../../lib/csv.js';
import { toAccessEntry } from './access-log.service.js';
import { linkOrganisation } from './audit.linker.js';
import { authorizeAudit } from './audit.policy.js';
import * as repo from './audit.repository.js';
import { audit, toAuditEntry } from './audit.service.js';

/**
 * CSV exports of the logs for the privacy officer. Columns carry the stable codes (action, record type,
 * purpose), which read the same in every language and sort and filter well in a spreadsheet, next to the
 * case reference. The export itself goes into the audit log: how many rows and which filters (names only).
 */
export interface CsvExport {
  csv: string;
  rows: number;
  truncated: boolean;
}

/** The names of the filters an export used (never their values: a case reference stays out of the log). */
export function filterNames(q: Record<string, unknown>): string {
  return Object.keys(q)
    .filter((k) => q[k] !== undefined && q[k] !== '')
    .sort()
    .join(',');
}

/** Links what is waiting first, so that an export shows every entry with its place in the chain. */
async function linkFirst(ctx: Ctx): Promise<void> {
  await linkOrganisation(ctx.db, ctx.keyring, ctx.actor.orgId, { skipLocked: false });
}

export async function exportAuditCsv(ctx: Ctx, q: AuditExportQuery): Promise<CsvExport> {
  authorizeAudit(ctx.actor, 'audit.export');
  await linkFirst(ctx);
  const rows = await repo.listEntries(ctx.db, ctx.actor.orgId, { ...q, limit: EXPORT_MAX });
  const items = rows.slice(0, EXPORT_MAX).map(toAuditEntry);
  const csv = toCsv(
    ['seq', 'at', 'user', 'action', 'record_type', 'case_reference', 'record_id', 'changed_fields'],
    items.map((e) => [
      e.seq ?? '',
      e.at,
      e.actorName ?? '',
      e.action,
      e.entity,
      e.caseReference ?? '',
      e.entityId ?? '',
      e.changedFields.join(' '),
    ]),
  );
  return logged(ctx, 'audit', q, { csv, rows: items.length, truncated: rows.length > EXPORT_MAX });
}

export async function exportAccessCsv(ctx: Ctx, q: AccessExportQuery): Promise<CsvExport> {
  authorizeAudit(ctx.actor, 'access.export');
  await linkFirst(ctx);
  const rows = await repo.listAccess(ctx.db, ctx.actor.orgId, { ...q, limit: EXPORT_MAX });
  const items = await Promise.all(rows.slice(0, EXPORT_MAX).map((r) => toAccessEntry(ctx, r)));
  const csv = toCsv(
    ['id', 'at', 'user', 'record_type', 'case_reference', 'record_id', 'purpose', 'outcome', 'reason'],
    items.map((e) => [
      e.id,
      e.at,
      e.actorName ?? '',
      e.entity,
      e.caseReference ?? '',
      e.entityId,
      e.purpose,
      e.outcome,
      e.reason ?? '',
    ]),
  );
  return logged(ctx, 'access', q, { csv, rows: items.length, truncated: rows.length > EXPORT_MAX });
}

async function logged(
  ctx: Ctx,
  log: 'audit' | 'access',
  q: Record<string, unknown>,
  result: CsvExport,
): Promise<CsvExport> {
  await audit(ctx, {
    action: `${log}.export`,
    entity: log === 'audit' ? 'audit_log' : 'access_log',
    entityId: null,
    details: { rows: result.rows, truncated: result.truncated, filters: filterNames(q) },
  });
  return result;
}
