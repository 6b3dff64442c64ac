import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchAccessPage, fetchActors, fetchAuditPage } from '../api';
import type { LogFilters } from '../api';

/** Keyset-paged audit entries: `nextBefore` of one page is the `before` of the next. */
export function useAuditPages(filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useAccessPages(filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: ['access-log', filters],
    queryFn: ({ pageParam }) => fetchAccessPage(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useActors() {
  return useQuery({ queryKey: ['audit-actors'], queryFn: fetchActors, staleTime: 60_000 });
}
