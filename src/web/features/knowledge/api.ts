import type {
  KnowledgeArticle,
  KnowledgeArticleCreate,
  KnowledgeArticleUpdate,
  KnowledgeDiff,
  KnowledgeLanguage,
  KnowledgeList,
  KnowledgeSearchResults,
  KnowledgeVersionCreate,
  KnowledgeVersionList,
} from '../../../shared/knowledge.schema';
import { api } from '../../api/client';

export const KNOWLEDGE_KEY = ['knowledge'] as const;

const base = '/api/knowledge/articles';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function fetchArticles(language: KnowledgeLanguage, termId?: string) {
  const params = new URLSearchParams({ language });
  if (termId) params.set('termId', termId);
  return api<KnowledgeList>('GET', `${base}?${params.toString()}`);
}

export const fetchArticle = (id: string, language: KnowledgeLanguage) =>
  api<KnowledgeArticle>('GET', `${one(id)}?language=${language}`);

export const fetchVersions = (id: string, language: KnowledgeLanguage) =>
  api<KnowledgeVersionList>('GET', `${one(id)}/versions?language=${language}`);

export const fetchDiff = (id: string, language: KnowledgeLanguage, from: number, to: number) =>
  api<KnowledgeDiff>('GET', `${one(id)}/diff?language=${language}&from=${from}&to=${to}`);

/** A POST with the term in the body: what someone looks up never goes into a URL, the history or a log. */
export const searchHandbook = (term: string, language: KnowledgeLanguage) =>
  api<KnowledgeSearchResults>('POST', '/api/knowledge/search', { body: { term, language } });

export const createArticle = (body: KnowledgeArticleCreate) => api<KnowledgeArticle>('POST', base, { body });

export const saveVersion = ({ id, ...body }: KnowledgeVersionCreate & { id: string }) =>
  api<KnowledgeArticle>('POST', `${one(id)}/versions`, { body });

export const updateArticle = ({
  id,
  language,
  ...body
}: KnowledgeArticleUpdate & { id: string; language: KnowledgeLanguage }) =>
  api<KnowledgeArticle>('PATCH', `${one(id)}?language=${language}`, { body });
