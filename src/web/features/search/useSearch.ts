import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { searchCases } from './api';

const DEBOUNCE_MS = 250;

/**
 * Results for what is typed, asked for once typing pauses (or at once with `now`, when Enter is pressed).
 * The term stays in memory only while the search is open: nothing is cached after it closes.
 */
export function useSearch(term: string) {
  const [asked, setAsked] = useState('');
  const trimmed = term.trim();
  useEffect(() => {
    const timer = setTimeout(() => setAsked(trimmed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['search', asked],
    queryFn: () => searchCases(asked),
    enabled: asked !== '',
    placeholderData: keepPreviousData,
    gcTime: 0,
    staleTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return {
    query,
    /** Whether the results shown belong to what is typed now. */
    current: asked === trimmed && !query.isPlaceholderData && query.isSuccess,
    /** Asks at once for what is typed (Enter before the pause): resolves with its results. */
    now: () => {
      setAsked(trimmed);
      return client.fetchQuery({ queryKey: ['search', trimmed], queryFn: () => searchCases(trimmed) });
    },
  };
}
