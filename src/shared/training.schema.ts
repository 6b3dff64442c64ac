import { z } from 'zod';
import { Text } from './text.schema.js';

export const COURSE_KINDS = ['basic', 'refresher', 'specialised'] as const;
export const CourseSchema = z.object({
  id: z.uuid(),
  name: Text,
  kind: z.enum(COURSE_KINDS),
  validityMonths: z.number().int().nullable(),
});
export const CourseCreateSchema = z.object({
  name: Text.trim().min(2).max(120),
  kind: z.enum(COURSE_KINDS),
  validityMonths: z.number().int().min(1).max(120).nullable().default(null),
});
export const SessionCreateSchema = z.object({
  courseId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  place: Text.trim().min(1).max(120),
  trainer: Text.trim().min(1).max(120),
});
export const TrainingSessionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseName: Text,
  startsAt: z.iso.datetime(),
  place: Text,
  trainer: Text,
  attendees: z.array(
    z.object({
      userId: z.uuid(),
      name: Text,
      attended: z.boolean(),
      completedOn: Text.nullable(),
    }),
  ),
});
export const AttendanceSchema = z.object({ userId: z.uuid(), attended: z.boolean(), completed: z.boolean() });
export const TrainingOverviewSchema = z.object({
  courses: z.array(CourseSchema),
  sessions: z.array(TrainingSessionSchema),
  needs: z.array(
    z.object({
      userId: z.uuid(),
      name: Text,
      need: z.enum(['basic_missing', 'basic_expired', 'expires_soon']),
      until: Text.nullable(),
    }),
  ),
});
