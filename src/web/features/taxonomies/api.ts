import type { Term, TermCreate, TermUpdate } from '../../../shared/taxonomy.schema';
import { api } from '../../api/client';

export const TERMS_KEY = ['taxonomies'] as const;

export const fetchTerms = () => api<{ items: Term[] }>('GET', '/api/taxonomies');

export const createTerm = (body: TermCreate) => api<Term>('POST', '/api/taxonomies', { body });

export const updateTerm = ({ id, ...body }: TermUpdate & { id: string }) =>
  api<Term>('PATCH', `/api/taxonomies/${encodeURIComponent(id)}`, { body });
