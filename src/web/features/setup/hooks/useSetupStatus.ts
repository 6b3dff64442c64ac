import { useQuery } from '@tanstack/react-query';
import { fetchSetupStatus } from '../api';

export const SETUP_STATUS_KEY = ['setup-status'] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_STATUS_KEY, queryFn: fetchSetupStatus, staleTime: Infinity, retry: 1 });
}
