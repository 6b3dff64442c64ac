import type { z } from 'zod';
import type { EmergencySettings } from '../../../shared/four-eyes.schema';
import type { RetentionSettings } from '../../../shared/retention.schema';
import type { OrgSettings, OrgSettingsUpdateSchema } from '../../../shared/work.schema';
import { api } from '../../api/client';

export const SETTINGS_KEY = ['organisation-settings'] as const;

export const fetchSettings = () => api<OrgSettings>('GET', '/api/organisation/settings');

/** Either part alone: each form saves only its own part, so two forms never overwrite each other. */
export const updateSettings = (body: z.input<typeof OrgSettingsUpdateSchema>) =>
  api<OrgSettings>('PATCH', '/api/organisation/settings', { body });

export const EMERGENCY_SETTINGS_KEY = ['organisation-settings', 'emergency'] as const;

export const fetchEmergencySettings = () =>
  api<EmergencySettings>('GET', '/api/organisation/emergency-settings');

export const updateEmergencySettings = (body: EmergencySettings) =>
  api<EmergencySettings>('PUT', '/api/organisation/emergency-settings', { body });

export const RETENTION_SETTINGS_KEY = ['organisation-settings', 'retention'] as const;

export const fetchRetentionSettings = () =>
  api<RetentionSettings>('GET', '/api/organisation/retention-settings');

export const updateRetentionSettings = (body: RetentionSettings) =>
  api<RetentionSettings>('PUT', '/api/organisation/retention-settings', { body });
