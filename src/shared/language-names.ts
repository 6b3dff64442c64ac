import type { CONVERSATION_LANGUAGES } from './cases.schema.js';
import type { FormLanguage } from './consent.schema.js';

/**
 * Conversation languages by name, in each language a form or the UI is written in. One table for the screen
 * and the PDFs, so a language is not "Tarifit" on screen and "Riffijns" on paper (the web's locale files
 * hold the same names; a unit test keeps them equal).
 */
export const CONVERSATION_LANGUAGE_NAMES: Readonly<
  Record<FormLanguage, Readonly<Record<(typeof CONVERSATION_LANGUAGES)[number], string>>>
> = {
  nl: {
    nl: 'Nederlands',
    ary: 'Marokkaans-Arabisch (Darija)',
    rif: 'Tarifit',
    zgh: 'Tamazight',
    ar: 'Arabisch',
    tr: 'Turks',
    so: 'Somalisch',
    en: 'Engels',
    fr: 'Frans',
    ku: 'Koerdisch',
    fa: 'Perzisch',
    ti: 'Tigrinya',
    other: 'Andere taal',
  },
  en: {
    nl: 'Dutch',
    ary: 'Moroccan Arabic (Darija)',
    rif: 'Tarifit',
    zgh: 'Tamazight',
    ar: 'Arabic',
    tr: 'Turkish',
    so: 'Somali',
    en: 'English',
    fr: 'French',
    ku: 'Kurdish',
    fa: 'Persian',
    ti: 'Tigrinya',
    other: 'Other language',
  },
  ar: {
    nl: 'الهولندية',
    ary: 'الدارجة المغربية',
    rif: 'الريفية',
    zgh: 'الأمازيغية',
    ar: 'العربية',
    tr: 'التركية',
    so: 'الصومالية',
    en: 'الإنجليزية',
    fr: 'الفرنسية',
    ku: 'الكردية',
    fa: 'الفارسية',
    ti: 'التغرينية',
    other: 'لغة أخرى',
  },
  tr: {
    nl: 'Felemenkçe',
    ary: 'Fas Arapçası (Darija)',
    rif: 'Tarifit',
    zgh: 'Tamazight',
    ar: 'Arapça',
    tr: 'Türkçe',
    so: 'Somalice',
    en: 'İngilizce',
    fr: 'Fransızca',
    ku: 'Kürtçe',
    fa: 'Farsça',
    ti: 'Tigrinya',
    other: 'Başka bir dil',
  },
};
