import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { markAlertRead, MY_WORK_KEY } from '../work/api';
import { fetchNotifications, fetchUnreadCount, markAllRead, NOTIFICATIONS_KEY, UNREAD_KEY } from './api';

/** Polled every minute while the tab is visible, and again whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications() {
  return useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'list'], queryFn: fetchNotifications });
}

function useRefreshAfter<T>(fn: (arg: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
        client.invalidateQueries({ queryKey: MY_WORK_KEY }),
      ]);
    },
  });
}

export const useMarkRead = () => useRefreshAfter(markAlertRead);
export const useMarkAllRead = () => useRefreshAfter(markAllRead);
