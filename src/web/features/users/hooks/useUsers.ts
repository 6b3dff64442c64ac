import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../shared/users.schema';
import { fetchUsers, inviteUser, reissueInvite, runUserAction, updateUser, USERS_KEY } from '../api';

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: fetchUsers });
}

/** Mutations that change one user: the list is patched with the returned user, then refetched. */
export function useUserMutations() {
  const client = useQueryClient();
  const replace = (user: User) => {
    client.setQueryData<{ items: User[] }>(USERS_KEY, (old) => {
      if (!old) return old;
      const exists = old.items.some((item) => item.id === user.id);
      return {
        items: exists ? old.items.map((item) => (item.id === user.id ? user : item)) : [...old.items, user],
      };
    });
    void client.invalidateQueries({ queryKey: USERS_KEY });
  };
  return {
    invite: useMutation({ mutationFn: inviteUser, onSuccess: (issued) => replace(issued.user) }),
    update: useMutation({ mutationFn: updateUser, onSuccess: replace }),
    action: useMutation({ mutationFn: runUserAction, onSuccess: replace }),
    reinvite: useMutation({ mutationFn: reissueInvite, onSuccess: (issued) => replace(issued.user) }),
  };
}
