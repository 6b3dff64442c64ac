import { UI_LANGUAGES, type UiLanguage } from '../../../shared/roles';

/**
 * A language picked on a page before sign-in (sign-in, two-step code, invitation), kept for this tab only so
 * that it survives the sign-in instead of being replaced by the account's saved language.
 */
const KEY = 'confidant.pickedLanguage';

export function rememberPickedLanguage(language: UiLanguage): void {
  try {
    sessionStorage.setItem(KEY, language);
  } catch {
    // Storage disabled: the account's language then applies after sign-in.
  }
}

/** The picked language, once: reading it forgets it. */
export function takePickedLanguage(): UiLanguage | undefined {
  try {
    const value = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return (UI_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as UiLanguage) : undefined;
  } catch {
    return undefined;
  }
}
