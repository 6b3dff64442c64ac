import type { z } from 'zod';
import type {
  Caseload,
  Dashboard,
  DashboardQuerySchema,
  FunderNarrative,
  FunderReport,
  Report,
  ReportExportSchema,
  ReportQuerySchema,
  ReportSettings,
} from '../../../shared/reports.schema';
import { api, downloadFile, toQuery } from '../../api/client';

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

export const DASHBOARD_KEY = 'reports-dashboard';

/** The dashboard's panels for a period: every figure published by the server under disclosure control. */
export const fetchDashboard = (body: z.input<typeof DashboardQuerySchema>) =>
  api<Dashboard>('POST', '/api/reports/dashboard', { body });

/** Open cases per counsellor (coordinators only; the server refuses everyone else). */
export const fetchCaseload = () => api<Caseload>('GET', '/api/reports/caseload');

export const FUNDER_KEY = 'reports-funder';

export const fetchFunderReport = (year: number) =>
  api<FunderReport>('GET', `/api/reports/funder${toQuery({ year })}`);

export const saveFunderNarrative = (body: FunderNarrative) =>
  api<FunderReport>('PUT', '/api/reports/funder', { body });

/** Downloads the year's funder report (PDF, the organisation's language); the server audits the export. */
export const exportFunderReport = (year: number) => downloadFile('/api/reports/funder/export', { year });
