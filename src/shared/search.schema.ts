import { z } from 'zod';
import { CaseStateSchema } from './cases.schema.js';
import { Text } from './text.schema.js';

export const SEARCH_TERM_MAX = 100;

/** Sent in a POST body, never in a URL: a search term can be a name or a phone number. */
export const SearchRequestSchema = z.object({
  term: Text.trim()
    .min(1)
    .max(SEARCH_TERM_MAX)
    .describe('A case reference (or its beginning), a caller alias, or a phone number in any notation'),
});
export type SearchRequest = z.infer<typeof SearchRequestSchema>;

export const SEARCH_MATCHES = ['reference', 'alias', 'phone'] as const;
export const SearchMatchSchema = z.enum(SEARCH_MATCHES);
export type SearchMatch = z.infer<typeof SearchMatchSchema>;

export const SearchResultSchema = z.object({
  caseId: z.uuid(),
  reference: Text,
  callerAlias: Text,
  state: CaseStateSchema,
  categoryId: z.uuid(),
  urgent: z.boolean(),
  matchedBy: SearchMatchSchema.describe('What the term matched: the reference, the alias or the phone'),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResultsSchema = z.object({
  items: z.array(SearchResultSchema),
  more: z.boolean().describe('More cases matched than are shown: type more of the term'),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;
