import { useInfiniteQuery } from '@tanstack/react-query';
import { retryNetworkOnly } from '../consent/hooks';
import { caseDisclosuresKey, DISCLOSURES_KEY, fetchCaseDisclosures, fetchDisclosures } from './api';
import type { DisclosureFilters } from './api';

/** The disclosure log of one case, newest first, keyset-paged by the server's `next` cursor. */
export function useCaseDisclosures(caseId: string) {
  return useInfiniteQuery({
    queryKey: caseDisclosuresKey(caseId),
    queryFn: ({ pageParam }) => fetchCaseDisclosures(caseId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    retry: retryNetworkOnly,
  });
}

/** The organisation-wide disclosure log (privacy officer). */
export function useDisclosurePages(filters: DisclosureFilters) {
  return useInfiniteQuery({
    queryKey: [...DISCLOSURES_KEY, filters],
    queryFn: ({ pageParam }) => fetchDisclosures(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    retry: retryNetworkOnly,
  });
}
