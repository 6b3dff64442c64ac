import { z } from 'zod';
import { ProvinceSchema } from './places.schema.js';
import { Day, patchOf, Text, Time } from './text.schema.js';

export const COUNSELLOR_STATUSES = ['candidate', 'active', 'paused', 'left'] as const;
export const LANGUAGE_LEVELS = ['basic', 'good', 'native'] as const;
export const COUNSELLOR_GENDERS = ['female', 'male', 'other'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Weekly availability: per weekday, a list of [from, to] times (Europe/Amsterdam). */
export const AvailabilitySchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(z.tuple([Time, Time])).max(4)])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodArray<z.ZodTuple<[typeof Time, typeof Time]>>
    >,
  )
  .describe('Weekly pattern of hours a counsellor can take calls or visits');
export type Availability = z.infer<typeof AvailabilitySchema>;

/**
 * A counsellor's profile. Background is self-declared by the counsellor; callers and persons of concern
 * never get such a field.
 */
export const CounsellorProfileSchema = z.object({
  userId: z.uuid(),
  name: Text,
  status: z.enum(COUNSELLOR_STATUSES),
  gender: z.enum(COUNSELLOR_GENDERS).nullable(),
  languages: z.array(z.object({ code: Text.min(1).max(10), level: z.enum(LANGUAGE_LEVELS) })).max(20),
  backgroundIds: z.array(z.uuid()).max(10).describe('Self-declared community or cultural backgrounds'),
  homeMunicipalityId: z.uuid().nullable(),
  servesMunicipalityIds: z.array(z.uuid()).max(200),
  servesProvinces: z.array(ProvinceSchema).max(12),
  remote: z.boolean().describe('Willing to support families elsewhere by phone or video'),
  maxActiveCases: z.number().int().min(0).max(20),
  availability: AvailabilitySchema,
  vogIssuedOn: Day.nullable(),
  vogExpiresOn: Day.nullable(),
  activeCases: z.number().int(),
  trainedUntil: Text.nullable().describe("'forever', a date, or null when basic training is missing"),
});
export type CounsellorProfile = z.infer<typeof CounsellorProfileSchema>;

export const CounsellorProfileUpdateSchema = patchOf(
  CounsellorProfileSchema.omit({
    userId: true,
    name: true,
    activeCases: true,
    trainedUntil: true,
  }),
);
export type CounsellorProfileUpdate = z.infer<typeof CounsellorProfileUpdateSchema>;

export const AbsenceSchema = z.object({ id: z.uuid(), fromDate: Day, toDate: Day, note: Text });
export const AbsenceCreateSchema = z
  .object({ fromDate: Day, toDate: Day, note: Text.trim().max(200).default('') })
  .refine((a) => a.fromDate <= a.toDate, { path: ['toDate'], message: 'The end is before the start' });
