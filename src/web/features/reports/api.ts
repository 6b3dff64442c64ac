import type { z } from 'zod';
import type {
  Report,
  ReportExportSchema,
  ReportQuerySchema,
  ReportSettings,
} from '../../../shared/reports.schema';
import { api, downloadFile } from '../../api/client';

export type ReportRequest = z.input<typeof ReportQuerySchema>;

/** POST, not GET: the breakdown asked for stays out of addresses and logs. */
export const runReport = (body: ReportRequest) => api<Report>('POST', '/api/reports/query', { body });

/** Downloads the CSV, XLSX or PDF; the server records the export in the audit log. */
export const exportReport = (body: z.input<typeof ReportExportSchema>) =>
  downloadFile('/api/reports/export', body);

export const REPORT_SETTINGS_KEY = ['organisation-settings', 'reports'] as const;

export const fetchReportSettings = () => api<ReportSettings>('GET', '/api/organisation/report-settings');

export const updateReportSettings = (body: ReportSettings) =>
  api<ReportSettings>('PUT', '/api/organisation/report-settings', { body });
