import type { PasswordChange, ProfileUpdate, SessionInfo } from '../../../shared/auth.schema';
import { api } from '../../api/client';

export const updateMe = (body: ProfileUpdate) => api<SessionInfo>('PATCH', '/api/me', { body });

export const changePassword = (body: PasswordChange) =>
  api<SessionInfo>('POST', '/api/auth/password', { body });
