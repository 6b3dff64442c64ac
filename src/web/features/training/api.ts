import type { z } from 'zod';
import type { COURSE_KINDS, TrainingOverviewSchema } from '../../../shared/training.schema';
import { api } from '../../api/client';

export type TrainingOverview = z.infer<typeof TrainingOverviewSchema>;
export type TrainingSession = TrainingOverview['sessions'][number];
export type CourseKind = (typeof COURSE_KINDS)[number];

export const TRAINING_KEY = ['training'] as const;

export const fetchTraining = () => api<TrainingOverview>('GET', '/api/training');
export const createCourse = (body: { name: string; kind: CourseKind; validityMonths: number | null }) =>
  api<{ id: string }>('POST', '/api/training/courses', { body });
export const createSession = (body: { courseId: string; startsAt: string; place: string; trainer: string }) =>
  api<{ id: string }>('POST', '/api/training/sessions', { body });
export const recordAttendance = (
  sessionId: string,
  body: { userId: string; attended: boolean; completed: boolean },
) => api<void>('PUT', `/api/training/sessions/${encodeURIComponent(sessionId)}/attendance`, { body });
