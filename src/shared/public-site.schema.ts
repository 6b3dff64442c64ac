import { z } from 'zod';
import { UI_LANGUAGES } from './roles.js';
import { Text } from './text.schema.js';

/** The languages the public site is published in; Arabic is right-to-left. Dutch is the fallback. */
export const SITE_LANGUAGES = UI_LANGUAGES;
export const SiteLanguageSchema = z.enum(SITE_LANGUAGES);
export type SiteLanguage = z.infer<typeof SiteLanguageSchema>;
export const FALLBACK_LANGUAGE: SiteLanguage = 'nl';

/** The pages of the public site, by URL slug (`/{lang}/{page}`; the home page is `/{lang}/`). */
export const SITE_PAGES = ['home', 'how-it-works', 'confidentiality', 'privacy', 'contact'] as const;
export const SitePageSchema = z.enum(SITE_PAGES);
export type SitePage = z.infer<typeof SitePageSchema>;

export const PAGE_TITLE_MAX = 120;
export const PAGE_BODY_MAX = 20_000;
export const CALLBACK_QUESTION_MAX = 1000;

/**
 * State of one page in one language: nothing written yet, a draft never published, published as written, or
 * published with a newer draft waiting.
 */
export const PAGE_STATES = ['missing', 'draft', 'published', 'changed'] as const;
export type PageState = (typeof PAGE_STATES)[number];

export const PageCellSchema = z.object({
  page: SitePageSchema,
  language: SiteLanguageSchema,
  state: z.enum(PAGE_STATES),
  title: Text,
  latestVersion: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
  updatedAt: Text.nullable(),
});
export type PageCell = z.infer<typeof PageCellSchema>;

export const PageListSchema = z.object({
  items: z.array(PageCellSchema),
  canEdit: z.boolean(),
  canBrochure: z.boolean(),
});

export const PageRefSchema = z.object({
  page: SitePageSchema.default('home'),
  language: SiteLanguageSchema.default('nl'),
});

/** One saved version of a page: every save is a new row; published is the version visitors see. */
export const PageVersionSchema = z.object({
  id: z.uuid(),
  page: SitePageSchema,
  language: SiteLanguageSchema,
  version: z.number().int(),
  title: Text,
  body: Text,
  authorName: Text.nullable(),
  createdAt: Text,
  publishedAt: Text.nullable(),
  isPublished: z.boolean().describe('The version visitors see now'),
});
export type PageVersion = z.infer<typeof PageVersionSchema>;
export const PageHistorySchema = z.object({ items: z.array(PageVersionSchema) });

export const PageSaveSchema = z.object({
  requestId: z.uuid().optional().describe('Client-generated id: a retried save makes one version'),
  page: SitePageSchema,
  language: SiteLanguageSchema,
  title: Text.trim().min(1).max(PAGE_TITLE_MAX),
  body: Text.max(PAGE_BODY_MAX).describe('Safe Markdown: no HTML, no images from elsewhere'),
  publish: z.boolean().default(false).describe('Publish this version at once'),
});
export type PageSave = z.infer<typeof PageSaveSchema>;

export const PublishSchema = z.object({ versionId: z.uuid() });

export const BrochureQuerySchema = z
  .object({ left: SiteLanguageSchema.default('nl'), right: SiteLanguageSchema.default('ar') })
  .refine((q) => q.left !== q.right, { path: ['right'], message: 'Choose two different languages' });

/** When the caller may be called back: what the visitor wrote, kept short. */
export const CALLBACK_STATUSES = ['open', 'done', 'closed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** The public form's fields; the phone number is checked further with libphonenumber. */
export const CallbackFormSchema = z.object({
  alias: Text.trim().min(1).max(60).describe('A made-up name; never a real one'),
  phone: Text.trim().min(1).max(40),
  language: SiteLanguageSchema.describe('The language the visitor wants to be called in'),
  safeTimes: Text.trim().min(1).max(200),
  mayLeaveMessage: z.enum(['yes', 'no']),
  question: Text.trim().max(CALLBACK_QUESTION_MAX).default(''),
});
export type CallbackForm = z.infer<typeof CallbackFormSchema>;

/** A line in the coordinators' queue: language and safe times up front, no question or phone number. */
export const CallbackItemSchema = z.object({
  id: z.uuid(),
  createdAt: Text,
  language: SiteLanguageSchema,
  alias: Text,
  safeTimes: Text,
  mayLeaveMessage: z.boolean(),
  status: z.enum(CALLBACK_STATUSES),
  /** True once the retention period has passed without a contact: the coordinator should close it. */
  overdue: z.boolean(),
});
export type CallbackItem = z.infer<typeof CallbackItemSchema>;
export const CallbackListSchema = z.object({ items: z.array(CallbackItemSchema) });

export const CallbackDetailSchema = CallbackItemSchema.extend({
  phone: Text,
  question: Text,
  closeReason: Text.nullable(),
  contactId: z.uuid().nullable(),
});
export type CallbackDetail = z.infer<typeof CallbackDetailSchema>;

export const CALLBACK_CLOSE_REASONS = [
  'unreachable',
  'withdrawn',
  'duplicate',
  'not_for_us',
  'other',
] as const;
export const CallbackCloseSchema = z.object({ reason: z.enum(CALLBACK_CLOSE_REASONS) });
export type CallbackClose = z.infer<typeof CallbackCloseSchema>;
