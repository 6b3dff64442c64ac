import type { LoginResult, Setup } from '../../../shared/auth.schema';
import { api } from '../../api/client';

export const fetchSetupStatus = () =>
  api<{ needed: boolean }>('GET', '/api/setup/status', { silent401: true });

export const runSetup = (body: Setup) => api<LoginResult>('POST', '/api/setup', { body, silent401: true });
