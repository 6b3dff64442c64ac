import type nl from './locales/nl.json';

/**
 * Typed translation keys: a key missing from nl.json fails the type-check (typed-keys.check.ts proves it).
 * Dutch is the reference locale (locales.test.ts keeps en, ar and tr in step with it), so its shape is the type
 * of every bundle.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
    returnNull: false;
  }
}
