import type { SearchResults } from '../../../shared/search.schema';
import { api } from '../../api/client';

/** A POST with the term in the body: a search term never goes into a URL, the history or a server log. */
export const searchCases = (term: string) => api<SearchResults>('POST', '/api/search', { body: { term } });
