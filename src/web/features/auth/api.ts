import type { Enrolment, LoginResult, SessionInfo } from '../../../shared/auth.schema';
import type { Role, UiLanguage } from '../../../shared/roles';
import { api, isApiError, setCsrfToken } from '../../api/client';

export interface InviteInfo {
  email: string;
  displayName: string;
  organisationName: string;
  role: Role;
  /** The language the admin chose for the invitee. */
  language: UiLanguage;
}

/** The current session, or null when signed out (401 is the expected answer then). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api<SessionInfo>('GET', '/api/auth/session', { silent401: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const login = (body: { email: string; password: string }) =>
  api<LoginResult>('POST', '/api/auth/login', { body });

export const verifyMfa = (code: string) => api<SessionInfo>('POST', '/api/auth/mfa', { body: { code } });

export const fetchEnrolment = () => api<Enrolment>('GET', '/api/auth/mfa/enrolment');

export const confirmEnrolment = (code: string) =>
  api<SessionInfo>('POST', '/api/auth/mfa/enrol', { body: { code } });

export async function logout(): Promise<void> {
  try {
    await api<void>('POST', '/api/auth/logout', { silent401: true });
  } finally {
    setCsrfToken(null);
  }
}

export const inspectInvite = (token: string) =>
  api<InviteInfo>('POST', '/api/invites/inspect', { body: { token }, silent401: true });

export const acceptInvite = (body: { token: string; password: string; language?: UiLanguage }) =>
  api<LoginResult>('POST', '/api/invites/accept', { body, silent401: true });
