/** Staff roles. Deny by default: every check lives on the server; the web only hides what it cannot use. */
export const ROLES = ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer'] as const;
export type Role = (typeof ROLES)[number];

/** UI languages. Dutch is the default; Arabic is right-to-left. */
export const UI_LANGUAGES = ['nl', 'en', 'ar', 'tr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'nl';
export const RTL_LANGUAGES: readonly UiLanguage[] = ['ar'];
