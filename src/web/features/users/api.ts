import type { InviteIssued, User, UserInvite, UserUpdate } from '../../../shared/users.schema';
import { api } from '../../api/client';

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
