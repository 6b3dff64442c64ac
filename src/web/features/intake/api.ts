import type { z } from 'zod';
import type {
  DraftSchema,
  Intake,
  IntakeResultSchema,
  KnownCallerSchema,
} from '../../../shared/cases.schema';
import { api } from '../../api/client';

export type IntakeResult = z.infer<typeof IntakeResultSchema>;
export type KnownCaller = z.infer<typeof KnownCallerSchema>;
export type Draft = z.infer<typeof DraftSchema>;

export const DRAFTS_KEY = ['intake-drafts'] as const;

export const saveIntake = (body: Intake) => api<IntakeResult>('POST', '/api/intake', { body });

/** POST so that the number never appears in a URL (or a proxy's log). */
export const lookupPhone = (phone: string) =>
  api<KnownCaller>('POST', '/api/intake/lookup', { body: { phone } });

export const fetchDrafts = () => api<{ items: Draft[] }>('GET', '/api/intake/drafts');

export const saveDraft = (id: string, data: Record<string, unknown>) =>
  api<Draft>('PUT', `/api/intake/drafts/${encodeURIComponent(id)}`, { body: { data } });

export const deleteDraft = (id: string) =>
  api<void>('DELETE', `/api/intake/drafts/${encodeURIComponent(id)}`);
