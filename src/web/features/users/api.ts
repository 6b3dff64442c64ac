import type { InviteIssued, User, UserInvite, UserUpdate } from '../../../shared/users.schema';
import type { z } from 'zod';
import type { AccountAlertListSchema } from '../../../shared/four-eyes.schema';
import { api } from '../../api/client';

export type AccountAlertList = z.infer<typeof AccountAlertListSchema>;

export const USERS_KEY = ['users'] as const;

export const fetchUsers = () => api<{ items: User[] }>('GET', '/api/users');

export const inviteUser = (body: UserInvite) => api<InviteIssued>('POST', '/api/users', { body });

export const updateUser = ({ id, ...body }: UserUpdate & { id: string }) =>
  api<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body });

export type UserAction = 'deactivate' | 'reactivate' | 'reset-mfa';

export const runUserAction = ({ id, action }: { id: string; action: UserAction }) =>
  api<User>('POST', `/api/users/${encodeURIComponent(id)}/${action}`);

export const reissueInvite = (id: string) =>
  api<InviteIssued>('POST', `/api/users/${encodeURIComponent(id)}/invite`);

export const ACCOUNT_ALERTS_KEY = ['account-alerts'] as const;

/** Unread alerts about invites, re-activations, role changes and MFA resets (admins, privacy officer). */
export const fetchAccountAlerts = () => api<AccountAlertList>('GET', '/api/account-alerts');
