import { z } from 'zod';
import { UI_LANGUAGES } from './roles.js';
import { patchOf, Text } from './text.schema.js';

/** The handbook's chapters (issue 11, "Knowledge base"). */
export const KNOWLEDGE_CATEGORIES = [
  'method',
  'legal_framework',
  'talking_with_child',
  'signals_protective',
  'bereavement',
  'returnees',
  'referral_map',
  'consent_privacy',
] as const;
export const KnowledgeCategorySchema = z.enum(KNOWLEDGE_CATEGORIES);
export type KnowledgeCategory = z.infer<typeof KnowledgeCategorySchema>;

/** Articles are written in the UI languages; Dutch is the fallback when a translation is missing. */
export const KnowledgeLanguageSchema = z.enum(UI_LANGUAGES);
export type KnowledgeLanguage = z.infer<typeof KnowledgeLanguageSchema>;
export const KNOWLEDGE_FALLBACK: KnowledgeLanguage = 'nl';

export const KNOWLEDGE_TITLE_MAX = 160;
export const KNOWLEDGE_BODY_MAX = 40_000;
export const KNOWLEDGE_SEARCH_MAX = 100;

/** The field-error reason for a link the handbook will not render (only web, mail, phone and in-app links). */
export const UNSAFE_LINK = 'unsafe_link';

const title = Text.trim().min(2).max(KNOWLEDGE_TITLE_MAX).describe('Title in this language');
const body = Text.trim()
  .min(1)
  .max(KNOWLEDGE_BODY_MAX)
  .describe('Safe Markdown: no HTML, no images; links only to https, mailto, tel or paths in the app');

/** One save of one language of an article; every save makes a new version. */
export const KnowledgeVersionCreateSchema = z.object({
  requestId: z.uuid().optional().describe('Client request id: a retried save makes one version'),
  language: KnowledgeLanguageSchema,
  title,
  body,
  baseVersion: z
    .number()
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe('The version the editor started from (0 for a new translation); another save since → 409'),
});
export type KnowledgeVersionCreate = z.infer<typeof KnowledgeVersionCreateSchema>;

export const KnowledgeArticleCreateSchema = z.object({
  requestId: z.uuid().optional(),
  category: KnowledgeCategorySchema,
  termIds: z.array(z.uuid()).max(10).default([]).describe('Request categories this article helps with'),
  language: KnowledgeLanguageSchema,
  title,
  body,
});
export type KnowledgeArticleCreate = z.infer<typeof KnowledgeArticleCreateSchema>;

export const KnowledgeArticleUpdateSchema = patchOf(
  z.object({ category: KnowledgeCategorySchema, termIds: z.array(z.uuid()).max(10) }),
);
export type KnowledgeArticleUpdate = z.infer<typeof KnowledgeArticleUpdateSchema>;

export const KnowledgeLanguageQuerySchema = z.object({
  language: KnowledgeLanguageSchema.default('nl').describe('The reader’s language; Dutch when missing'),
});

export const KnowledgeVersionsQuerySchema = z.object({ language: KnowledgeLanguageSchema.default('nl') });

export const KnowledgeListQuerySchema = KnowledgeLanguageQuerySchema.extend({
  termId: z.uuid().optional().describe('Only articles linked to this request category'),
});
export type KnowledgeListQuery = z.infer<typeof KnowledgeListQuerySchema>;

export const KnowledgeArticleSummarySchema = z.object({
  id: z.uuid(),
  category: KnowledgeCategorySchema,
  title: Text,
  language: KnowledgeLanguageSchema.describe('The language of the title shown (a fallback if not asked)'),
  languages: z.array(KnowledgeLanguageSchema).describe('Languages the article is written in'),
  termIds: z.array(z.uuid()),
  updatedAt: z.iso.datetime(),
});
export type KnowledgeArticleSummary = z.infer<typeof KnowledgeArticleSummarySchema>;

export const KnowledgeListSchema = z.object({
  items: z.array(KnowledgeArticleSummarySchema),
  canEdit: z.boolean(),
});
export type KnowledgeList = z.infer<typeof KnowledgeListSchema>;

export const KnowledgeArticleSchema = KnowledgeArticleSummarySchema.extend({
  body: Text,
  requested: KnowledgeLanguageSchema.describe('The language asked for; differs from `language` on fallback'),
  version: z.number().int(),
  savedAt: z.iso.datetime(),
  savedBy: Text.nullable().describe('Who saved this version; null for the starter handbook'),
  canEdit: z.boolean(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

export const KnowledgeVersionSchema = z.object({
  version: z.number().int(),
  title: Text,
  savedAt: z.iso.datetime(),
  savedBy: Text.nullable(),
});
export type KnowledgeVersion = z.infer<typeof KnowledgeVersionSchema>;

export const KnowledgeVersionListSchema = z.object({
  language: KnowledgeLanguageSchema,
  items: z.array(KnowledgeVersionSchema).describe('Newest first'),
});
export type KnowledgeVersionList = z.infer<typeof KnowledgeVersionListSchema>;

export const KnowledgeDiffQuerySchema = z.object({
  language: KnowledgeLanguageSchema.default('nl'),
  from: z.coerce.number().int().min(1).optional().describe('Default: the version before `to`'),
  to: z.coerce.number().int().min(1).optional().describe('Default: the current version'),
});
export type KnowledgeDiffQuery = z.infer<typeof KnowledgeDiffQuerySchema>;

export const DIFF_KINDS = ['same', 'added', 'removed'] as const;
export const DiffPartSchema = z.object({ kind: z.enum(DIFF_KINDS), text: Text });
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const KnowledgeDiffSchema = z.object({
  language: KnowledgeLanguageSchema,
  from: KnowledgeVersionSchema,
  to: KnowledgeVersionSchema,
  title: z.array(DiffPartSchema),
  body: z.array(DiffPartSchema),
  added: z.number().int().describe('Words added'),
  removed: z.number().int().describe('Words removed'),
});
export type KnowledgeDiff = z.infer<typeof KnowledgeDiffSchema>;

/** Sent in a POST body, never in a URL: what a counsellor looks up during a call says something about it. */
export const KnowledgeSearchSchema = z.object({
  term: Text.trim().min(1).max(KNOWLEDGE_SEARCH_MAX),
  language: KnowledgeLanguageSchema.default('nl').describe('Results in this language come first'),
});
export type KnowledgeSearch = z.infer<typeof KnowledgeSearchSchema>;

/** Marks around a highlighted word in a snippet (private-use characters, never typed into an article). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

export const KnowledgeHitSchema = z.object({
  articleId: z.uuid(),
  category: KnowledgeCategorySchema,
  language: KnowledgeLanguageSchema,
  title: Text,
  snippet: Text.describe('Plain text; matched words between U+E000 and U+E001'),
});
export type KnowledgeHit = z.infer<typeof KnowledgeHitSchema>;

export const KnowledgeSearchResultsSchema = z.object({ items: z.array(KnowledgeHitSchema) });
export type KnowledgeSearchResults = z.infer<typeof KnowledgeSearchResultsSchema>;
