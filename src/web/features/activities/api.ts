import type {
  Activity,
  ActivityCreate,
  ActivityReport,
  ActivitySummary,
  ActivityTaskCreate,
  ActivityUpdate,
  VolunteerRecord,
  FacilitatorOption,
} from '../../../shared/activities.schema';
import type { Labels } from '../../../shared/taxonomy.schema';
import { api, toQuery } from '../../api/client';

export const ACTIVITIES_KEY = ['activities'] as const;

export interface ActivityFilter {
  from: string;
  to: string;
  typeId?: string;
  municipalityId?: string;
  facilitatorId?: string;
  mine?: boolean;
}

export interface ActivityTypeInfo {
  termId: string;
  code: string;
  labels: Labels;
  active: boolean;
  requiredCourseId: string | null;
  requiredCourseName: string | null;
}

export const fetchActivities = (f: ActivityFilter) =>
  api<{ items: ActivitySummary[]; from: string; to: string; canPlan: boolean }>(
    'GET',
    `/api/activities${toQuery({ ...f, mine: f.mine ? 'true' : undefined })}`,
  );

export const fetchActivity = (id: string) =>
  api<Activity>('GET', `/api/activities/${encodeURIComponent(id)}`);

export const createActivity = (body: ActivityCreate) =>
  api<{ id: string }>('POST', '/api/activities', { body });

export const updateActivity = ({ id, ...body }: ActivityUpdate & { id: string }) =>
  api<Activity>('PATCH', `/api/activities/${encodeURIComponent(id)}`, { body });

export const recordReport = ({ id, ...body }: ActivityReport & { id: string }) =>
  api<Activity>('PUT', `/api/activities/${encodeURIComponent(id)}/report`, { body });

export const addTask = ({ id, ...body }: Partial<ActivityTaskCreate> & { id: string; title: string }) =>
  api<{ id: string }>('POST', `/api/activities/${encodeURIComponent(id)}/tasks`, { body });

export const setTaskDone = ({ id, taskId, done }: { id: string; taskId: string; done: boolean }) =>
  api<Activity>('PATCH', `/api/activities/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskId)}`, {
    body: { done },
  });

export const fetchActivityTypes = () =>
  api<{ items: ActivityTypeInfo[]; courses: { id: string; name: string }[]; canManage: boolean }>(
    'GET',
    '/api/activities/types',
  );

export const setRequiredCourse = ({ termId, courseId }: { termId: string; courseId: string | null }) =>
  api('PUT', `/api/activities/types/${encodeURIComponent(termId)}/course`, { body: { courseId } });

export const fetchFacilitatorOptions = (typeId: string, date: string) =>
  api<{ items: FacilitatorOption[] }>(
    'GET',
    `/api/activities/facilitator-options${toQuery({ typeId, date })}`,
  );

export const fetchVolunteerRecord = (userId: string) =>
  api<VolunteerRecord>('GET', `/api/activities/volunteer-record/${encodeURIComponent(userId)}`);
