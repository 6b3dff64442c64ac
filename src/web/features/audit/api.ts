import type { AccessEntry, AuditEntry, AuditVerify } from '../../../shared/audit.schema';
import { api, toQuery } from '../../api/client';

/** Filters shared by the audit log and the access log (dates as YYYY-MM-DD, inclusive). */
export interface LogFilters {
  actorId: string;
  entity: string;
  caseReference: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: LogFilters = { actorId: '', entity: '', caseReference: '', from: '', to: '' };

export interface Page<T> {
  items: T[];
  nextBefore: number | null;
}

const PAGE_SIZE = 50;

export const fetchAuditPage = (filters: LogFilters, before: number | undefined) =>
  api<Page<AuditEntry>>('GET', `/api/audit${toQuery({ ...filters, before, limit: PAGE_SIZE })}`);

export const fetchAccessPage = (filters: LogFilters, before: number | undefined) =>
  api<Page<AccessEntry>>('GET', `/api/access-log${toQuery({ ...filters, before, limit: PAGE_SIZE })}`);

export const fetchActors = () =>
  api<{ items: { id: string; displayName: string }[] }>('GET', '/api/audit/actors');

export const verifyAuditChain = () => api<AuditVerify>('POST', '/api/audit/verify');

export const writeAuditCheckpoint = () => api<AuditVerify>('POST', '/api/audit/checkpoint');

/** Where the browser downloads a log as CSV with the filters on screen (the export is audited server-side). */
export const exportUrl = (log: 'audit' | 'access-log', filters: LogFilters) =>
  `/api/${log}/export.csv${toQuery({ ...filters })}`;
