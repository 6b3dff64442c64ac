import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KnowledgeLanguage } from '../../../shared/knowledge.schema';
import { currentLanguage } from '../../i18n';
import {
  createArticle,
  fetchArticle,
  fetchArticles,
  fetchDiff,
  fetchVersions,
  KNOWLEDGE_KEY,
  saveVersion,
  searchHandbook,
  updateArticle,
} from './api';

/** The UI language, which is also the language the handbook is read in first. */
export function useReaderLanguage(): KnowledgeLanguage {
  useTranslation();
  return currentLanguage();
}

export function useArticles(termId?: string) {
  const language = useReaderLanguage();
  return useQuery({
    queryKey: [...KNOWLEDGE_KEY, 'list', language, termId ?? ''],
    queryFn: () => fetchArticles(language, termId),
    staleTime: 60_000,
  });
}

export function useArticle(id: string | undefined, language: KnowledgeLanguage) {
  return useQuery({
    queryKey: [...KNOWLEDGE_KEY, 'article', id, language],
    queryFn: () => fetchArticle(id!, language),
    enabled: Boolean(id),
  });
}

export function useVersions(id: string, language: KnowledgeLanguage, enabled: boolean) {
  return useQuery({
    queryKey: [...KNOWLEDGE_KEY, 'versions', id, language],
    queryFn: () => fetchVersions(id, language),
    enabled,
  });
}

export function useDiff(id: string, language: KnowledgeLanguage, pair: [number, number] | null) {
  return useQuery({
    queryKey: [...KNOWLEDGE_KEY, 'diff', id, language, pair?.[0], pair?.[1]],
    queryFn: () => fetchDiff(id, language, pair![0], pair![1]),
    enabled: pair !== null,
  });
}

/**
 * Searches on submit only. The term is in the query key (memory only, never persisted or sent in a URL);
 * results are not cached after the component unmounts.
 */
export function useHandbookSearch(term: string) {
  const language = useReaderLanguage();
  return useQuery({
    queryKey: [...KNOWLEDGE_KEY, 'search', language, term],
    queryFn: () => searchHandbook(term, language),
    enabled: term.trim() !== '',
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: KNOWLEDGE_KEY });
  return {
    create: useMutation({ mutationFn: createArticle, onSuccess: refresh }),
    save: useMutation({ mutationFn: saveVersion, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateArticle, onSuccess: refresh }),
  };
}
