import type { OrgSettings } from '../../../shared/work.schema';
import { api } from '../../api/client';

export const SETTINGS_KEY = ['organisation-settings'] as const;

export const fetchSettings = () => api<OrgSettings>('GET', '/api/organisation/settings');

export const updateSettings = (body: OrgSettings) =>
  api<OrgSettings>('PATCH', '/api/organisation/settings', { body });
