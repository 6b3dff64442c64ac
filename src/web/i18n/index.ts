import i18n from 'i18next';
import type { ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, RTL_LANGUAGES, UI_LANGUAGES } from '../../shared/roles';
import type { UiLanguage } from '../../shared/roles';
import nl from './locales/nl.json';

const STORAGE_KEY = 'confidant.lang';

/** A key of the Dutch reference bundle (i18next.d.ts), for a key kept in a variable before it reaches `t()`. */
export type TranslationKey = ParseKeys;

/** Autonyms: each language is named in itself, whatever the UI language is. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
};

// Dutch ships in the initial bundle; the other languages are fetched when first chosen.
const loaders: Record<Exclude<UiLanguage, 'nl'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  ar: () => import('./locales/ar.json'),
  tr: () => import('./locales/tr.json'),
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: UiLanguage): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Loads the language if needed, switches i18next, and sets `<html lang dir>`. Kept in localStorage (not sensitive). */
export async function setLanguage(language: UiLanguage): Promise<void> {
  if (language !== 'nl' && !i18n.hasResourceBundle(language, 'translation')) {
    const bundle = await loaders[language]();
    i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice simply does not persist.
  }
}

/** Initialises i18next with the stored (or default) language before the first render. */
export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await setLanguage(storedLanguage());
}

export default i18n;
