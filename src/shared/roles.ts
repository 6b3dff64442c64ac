/**
 * Staff roles. Deny by default: every check lives on the server; the web only hides what it cannot use.
 * `peer_organiser` runs the private peer network (Platform Achterblijvers) and sees no case at all: a role,
 * not a permission added to another role, so that no account can hold both the network and case files.
 */
export const ROLES = [
  'admin',
  'coordinator',
  'counsellor',
  'analyst',
  'privacy_officer',
  'peer_organiser',
] as const;
export type Role = (typeof ROLES)[number];

/** UI languages. Dutch is the default; Arabic is right-to-left. */
export const UI_LANGUAGES = ['nl', 'en', 'ar', 'tr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'nl';
export const RTL_LANGUAGES: readonly UiLanguage[] = ['ar'];
