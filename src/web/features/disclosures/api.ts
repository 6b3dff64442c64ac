import type { z } from 'zod';
import type { DisclosureListSchema } from '../../../shared/referrals.schema';
import { api, toQuery } from '../../api/client';
import { sharingKey } from '../consent/api';

export type DisclosurePage = z.infer<typeof DisclosureListSchema>;

export const caseDisclosuresKey = (caseId: string) => [...sharingKey(caseId), 'disclosures'] as const;
export const DISCLOSURES_KEY = ['disclosures'] as const;

/** Filters of the organisation-wide log (dates YYYY-MM-DD, inclusive; empty = no filter). */
export interface DisclosureFilters {
  from: string;
  to: string;
  partnerId: string;
  caseReference: string;
}
export const EMPTY_DISCLOSURE_FILTERS: DisclosureFilters = {
  from: '',
  to: '',
  partnerId: '',
  caseReference: '',
};

const PAGE_SIZE = 50;

export const fetchCaseDisclosures = (caseId: string, cursor: string | undefined) =>
  api<DisclosurePage>(
    'GET',
    `/api/cases/${encodeURIComponent(caseId)}/disclosures${toQuery({ cursor, limit: PAGE_SIZE })}`,
  );

export const fetchDisclosures = (filters: DisclosureFilters, cursor: string | undefined) =>
  api<DisclosurePage>('GET', `/api/disclosures${toQuery({ ...filters, cursor, limit: PAGE_SIZE })}`);

/** Where the browser downloads the log as CSV with the filters on screen (the export is audited). */
export const disclosureExportUrl = (filters: DisclosureFilters) =>
  `/api/disclosures/export.csv${toQuery({ ...filters })}`;
