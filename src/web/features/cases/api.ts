import type { z } from 'zod';
import type {
  CaseDetail,
  CaseListQuery,
  CaseSummary,
  GoalInputSchema,
  InterventionInputSchema,
  LogEntryInputSchema,
  ObservationInputSchema,
  StatusEventInputSchema,
  SubjectInputSchema,
  TaskInputSchema,
  TransitionSchema,
  CaseUpdateSchema,
} from '../../../shared/cases.schema';
import type { CasePhone, CaseReach } from '../../../shared/reach.schema';
import type { Timeline } from '../../../shared/timeline.schema';
import type { CounsellorOptionSchema } from '../../../shared/work.schema';
import { api, toQuery } from '../../api/client';

export const CASES_KEY = ['cases'] as const;
export const caseKey = (id: string) => ['case', id] as const;

/** Filters of the case list, as the form holds them (empty string = no filter). */
export interface CaseFilters {
  state: string;
  categoryId: string;
  counsellorId: string;
  municipality: string;
  urgent: boolean;
  overdue: boolean;
  from: string;
  to: string;
  sort: CaseListQuery['sort'];
}

export const EMPTY_CASE_FILTERS: CaseFilters = {
  state: '',
  categoryId: '',
  counsellorId: '',
  municipality: '',
  urgent: false,
  overdue: false,
  from: '',
  to: '',
  sort: 'opened_desc',
};

const PAGE_SIZE = 25;

export const fetchCasePage = (filters: CaseFilters, after: string | undefined) =>
  api<{ items: CaseSummary[]; next: string | null }>(
    'GET',
    `/api/cases${toQuery({
      ...filters,
      municipality: filters.municipality.trim(),
      urgent: filters.urgent ? 'true' : undefined,
      overdue: filters.overdue ? 'true' : undefined,
      after,
      limit: PAGE_SIZE,
    })}`,
  );

const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const fetchCase = (id: string) => api<CaseDetail>('GET', base(id));

export const grantAccess = (id: string, reason: string) =>
  api<void>('POST', `${base(id)}/access`, { body: { reason } });

export const updateCase = (id: string, body: z.input<typeof CaseUpdateSchema>) =>
  api<void>('PATCH', base(id), { body });

export const assignCounsellor = (id: string, counsellorId: string) =>
  api<void>('POST', `${base(id)}/assign`, { body: { counsellorId } });

export const transitionCase = (id: string, body: z.input<typeof TransitionSchema>) =>
  api<void>('POST', `${base(id)}/transition`, { body });

/** The item lists of a case and the body each one takes. */
export interface CaseItemBodies {
  subjects: z.input<typeof SubjectInputSchema>;
  'status-events': z.input<typeof StatusEventInputSchema>;
  observations: z.input<typeof ObservationInputSchema>;
  goals: z.input<typeof GoalInputSchema>;
  log: z.input<typeof LogEntryInputSchema>;
  interventions: z.input<typeof InterventionInputSchema>;
  tasks: z.input<typeof TaskInputSchema>;
}

export const addCaseItem = <K extends keyof CaseItemBodies>(id: string, kind: K, body: CaseItemBodies[K]) =>
  api<{ id: string }>('POST', `${base(id)}/${kind}`, { body });

export const updateGoal = (id: string, goalId: string, status: 'open' | 'achieved' | 'dropped') =>
  api<{ id: string }>('PATCH', `${base(id)}/goals/${encodeURIComponent(goalId)}`, { body: { status } });

export const updateTask = (id: string, taskId: string, done: boolean) =>
  api<{ id: string }>('PATCH', `${base(id)}/tasks/${encodeURIComponent(taskId)}`, { body: { done } });

export type CounsellorOption = z.infer<typeof CounsellorOptionSchema>;

export const fetchCounsellorOptions = () =>
  api<{ items: CounsellorOption[] }>('GET', '/api/counsellors/options');

export const reachKey = (id: string) => ['case', id, 'reach'] as const;

/** How to reach the family: callback preferences, without the phone number. */
export const fetchReach = (id: string) => api<CaseReach>('GET', `/api/cases/${encodeURIComponent(id)}/reach`);

/** The phone number, decrypted for this request and access-logged on the server; never cached. */
export const revealPhone = (id: string) =>
  api<CasePhone>('POST', `/api/cases/${encodeURIComponent(id)}/reach/phone`, { body: {} });

export const timelineKey = (id: string) => ['case', id, 'timeline'] as const;

/** The case's dated events, newest first, a page at a time (`before`: the cursor of the previous page). */
export const fetchTimeline = (id: string, before: string | undefined) =>
  api<Timeline>('GET', `/api/cases/${encodeURIComponent(id)}/timeline${toQuery({ before })}`);
