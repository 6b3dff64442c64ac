import type { Checklist } from '../../../shared/checklist.schema';
import { api } from '../../api/client';

export const CHECKLIST_KEY = ['organisation', 'checklist'] as const;

export const fetchChecklist = () => api<Checklist>('GET', '/api/organisation/checklist');
export const dismissChecklist = () => api<Checklist>('POST', '/api/organisation/checklist/dismiss');
