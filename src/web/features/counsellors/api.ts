import type { z } from 'zod';
import type {
  AbsenceSchema,
  COUNSELLOR_STATUSES,
  CounsellorProfile,
  CounsellorProfileUpdate,
} from '../../../shared/counsellors.schema';
import type { MunicipalitySchema, PROVINCES } from '../../../shared/places.schema';
import { api } from '../../api/client';

export type Municipality = z.infer<typeof MunicipalitySchema>;
export type Absence = z.infer<typeof AbsenceSchema>;
export type Province = (typeof PROVINCES)[number];

export interface CounsellorRow {
  userId: string;
  name: string;
  status: (typeof COUNSELLOR_STATUSES)[number];
  languages: string[];
  activeCases: number;
  maxActiveCases: number;
  trained: boolean;
  vogValid: boolean;
  available: boolean;
}

export interface MyTraining {
  trainedUntil: string | null;
  completed: { course: string; kind: string; completedOn: string; expiresOn: string | null }[];
  upcoming: { id: string; courseName: string; startsAt: string; place: string; trainer: string }[];
}

export const COUNSELLORS_KEY = ['counsellors'] as const;
export const counsellorKey = (id: string) => ['counsellor', id] as const;
export const absencesKey = (id: string) => ['counsellor', id, 'absences'] as const;
export const MUNICIPALITIES_KEY = ['municipalities'] as const;
export const MY_TRAINING_KEY = ['training', 'mine'] as const;

const base = (id: string) => `/api/counsellors/${encodeURIComponent(id)}`;

export const fetchCounsellors = () => api<{ items: CounsellorRow[] }>('GET', '/api/counsellors');
export const fetchProfile = (id: string) => api<CounsellorProfile>('GET', base(id));
export const updateProfile = (id: string, body: CounsellorProfileUpdate) =>
  api<CounsellorProfile>('PATCH', base(id), { body });
export const fetchAbsences = (id: string) => api<{ items: Absence[] }>('GET', `${base(id)}/absences`);
export const addAbsence = (id: string, body: { fromDate: string; toDate: string; note: string }) =>
  api<{ id: string }>('POST', `${base(id)}/absences`, { body });
export const removeAbsence = (id: string, absenceId: string) =>
  api<void>('DELETE', `${base(id)}/absences/${encodeURIComponent(absenceId)}`);

export const fetchMunicipalities = () => api<{ items: Municipality[] }>('GET', '/api/places/municipalities');
export const createMunicipality = (body: { name: string; province: Province }) =>
  api<Municipality>('POST', '/api/places/municipalities', { body });

export const fetchMyTraining = () => api<MyTraining>('GET', '/api/training/mine');
