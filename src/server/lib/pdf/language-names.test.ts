import { describe, expect, it } from 'vitest';
import ar from '../../../web/i18n/locales/ar.json' with { type: 'json' };
import en from '../../../web/i18n/locales/en.json' with { type: 'json' };
import nl from '../../../web/i18n/locales/nl.json' with { type: 'json' };
import tr from '../../../web/i18n/locales/tr.json' with { type: 'json' };
import { CONVERSATION_LANGUAGES } from '../../../shared/cases.schema.js';
import { CONVERSATION_LANGUAGE_NAMES } from '../../../shared/language-names.js';
import { languageName } from './strings.js';

const SCREEN = { nl, en, ar, tr } as const;

describe('conversation language names: the same on screen and on paper', () => {
  it('the PDF names a language as the screen does (Tarifit, not "Riffijns"; الريفية, not "rif")', () => {
    expect(languageName('nl', 'rif')).toBe('Tarifit');
    expect(languageName('ar', 'rif')).toBe('الريفية');
    expect(languageName('nl', 'zgh')).toBe('Tamazight');
    expect(languageName('en', 'ary')).toBe('Moroccan Arabic (Darija)');
  });

  it.each(Object.keys(SCREEN) as (keyof typeof SCREEN)[])(
    'the %s locale file and the shared table agree on every conversation language',
    (language) => {
      for (const code of CONVERSATION_LANGUAGES) {
        expect(SCREEN[language].conversationLanguages[code], code).toBe(
          CONVERSATION_LANGUAGE_NAMES[language][code],
        );
        expect(languageName(language, code)).toBe(SCREEN[language].conversationLanguages[code]);
      }
    },
  );

  it('still names a language outside the list through Intl', () => {
    expect(languageName('en', 'de')).toBe('German');
  });
});
