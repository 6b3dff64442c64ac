import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteLanguage, SitePage } from '../../../shared/public-site.schema';
import {
  CALLBACKS_KEY,
  closeCallback,
  fetchCallbacks,
  fetchHistory,
  fetchPages,
  PAGES_KEY,
  publishVersion,
  savePage,
} from './api';

export function usePages() {
  return useQuery({ queryKey: PAGES_KEY, queryFn: fetchPages });
}

export function useHistory(page: SitePage, language: SiteLanguage) {
  return useQuery({
    queryKey: [...PAGES_KEY, 'history', page, language],
    queryFn: () => fetchHistory(page, language),
  });
}

export function usePageMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: PAGES_KEY });
  return {
    save: useMutation({ mutationFn: savePage, onSuccess: refresh }),
    publish: useMutation({ mutationFn: publishVersion, onSuccess: refresh }),
  };
}

export function useCallbacks() {
  return useQuery({ queryKey: CALLBACKS_KEY, queryFn: fetchCallbacks, refetchInterval: 60_000 });
}

export function useCloseCallback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: closeCallback,
    onSuccess: () => void client.invalidateQueries({ queryKey: CALLBACKS_KEY }),
  });
}
