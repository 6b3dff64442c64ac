import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMyWork, markAlertRead, MY_WORK_KEY } from '../api';

export function useMyWork() {
  return useQuery({ queryKey: MY_WORK_KEY, queryFn: fetchMyWork, refetchInterval: 60_000 });
}

export function useMarkAlertRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: markAlertRead,
    onSuccess: () => client.invalidateQueries({ queryKey: MY_WORK_KEY }),
  });
}
