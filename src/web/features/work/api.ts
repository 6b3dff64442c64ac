import type { MyWork } from '../../../shared/work.schema';
import { api } from '../../api/client';

export const MY_WORK_KEY = ['my-work'] as const;

export const fetchMyWork = () => api<MyWork>('GET', '/api/my-work');

export const markAlertRead = (id: string) => api<void>('POST', `/api/alerts/${encodeURIComponent(id)}/read`);
