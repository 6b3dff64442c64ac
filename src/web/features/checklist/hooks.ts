import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHECKLIST_KEY, dismissChecklist, fetchChecklist } from './api';

/** Refetched on focus: an admin who finished a step in another tab sees it ticked off on return. */
export function useChecklist() {
  return useQuery({ queryKey: CHECKLIST_KEY, queryFn: fetchChecklist, refetchOnWindowFocus: true });
}

export function useDismissChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: dismissChecklist,
    onSuccess: (list) => client.setQueryData(CHECKLIST_KEY, list),
  });
}
