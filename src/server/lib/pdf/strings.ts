import type { AGE_BANDS, Channel, GENDERS, SUBJECT_STATUSES } from '../../../shared/cases.schema.js';
import type { ConsentMethod, ConsentPurpose, DataCategory } from '../../../shared/consent.schema.js';
import type { EMERGENCY_GROUNDS } from '../../../shared/emergency.schema.js';
import { CONVERSATION_LANGUAGE_NAMES } from '../../../shared/language-names.js';
import type { PartnerType } from '../../../shared/partners.schema.js';
import type { PdfLang } from './render.js';
import { ar } from './strings.ar.js';
import { en } from './strings.en.js';
import { nl } from './strings.nl.js';
import { tr } from './strings.tr.js';

/**
 * Every string printed on a PDF, in each language a form can be printed in. The table is typed as
 * `Record<PdfLang, PdfStrings>`, so a missing translation does not compile.
 */

type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

type AgeBand = (typeof AGE_BANDS)[number];

export type Gender = (typeof GENDERS)[number];

type EmergencyGround = (typeof EMERGENCY_GROUNDS)[number];

export type GoalStatus = 'open' | 'achieved' | 'dropped';

export type SignalKind = 'signal' | 'protective';

export interface PdfStrings {
  /** Intl locale for dates; Arabic uses Western digits so numbers read the same in every language. */
  locale: string;
  /** Between items of a list in running text. */
  comma: string;
  page: (n: number, total: number) => string;
  signature: {
    name: string;
    signature: string;
    date: string;
    typedCounts: string;
    /** Shown instead of a stored drawn signature that fails the image check. */
    unreadable: string;
  };
  categories: Record<DataCategory, { label: string; explanation: string }>;
  purposes: Record<ConsentPurpose, string>;
  partnerTypes: Record<PartnerType, string>;
  methods: Record<ConsentMethod, string>;
  statuses: Record<SubjectStatus, string>;
  signalKinds: Record<SignalKind, string>;
  channels: Record<Channel, string>;
  ageBands: Record<AgeBand, string>;
  genders: Record<Gender, string>;
  goalStatuses: Record<GoalStatus, string>;
  emergencyGrounds: Record<EmergencyGround, string>;
  consent: {
    title: string;
    intro: string;
    organisation: string;
    caseReference: string;
    givenBy: string;
    method: string;
    scopeHeading: string;
    recipientHeading: string;
    everyPartnerOfType: (type: string) => string;
    purposeHeading: string;
    purposeNote: string;
    validityHeading: string;
    validFrom: string;
    validUntil: string;
    limits: string[];
    withdrawalHeading: string;
    /** The first sentence is the promise; tests look for it. */
    withdrawal: [string, ...string[]];
    signatureHeading: string;
    signatureStatement: string;
    footer: string;
  };
  summary: {
    title: { consent: string; emergency: string };
    organisation: string;
    caseReference: string;
    recipient: string;
    purpose: string;
    basis: string;
    producedOn: string;
    basisConsent: (givenOn: string, validUntil: string) => string;
    basisEmergency: (approvedOn: string, ground: string) => string;
    categoriesHeading: string;
    categoriesIntro: string;
    callerAlias: string;
    phone: string;
    language: string;
    municipality: string;
    safeCallback: string;
    mayCallBack: string;
    mayLeaveMessage: string;
    safeTimes: string;
    yes: string;
    no: string;
    concernCategory: string;
    concernText: string;
    alias: string;
    ageBand: string;
    gender: string;
    statusOverTime: string;
    openedOn: string;
    contacts: string;
    minutes: (n: number) => string;
    interventions: string;
    goals: string;
    footer: { consent: string; emergency: string };
  };
}

export const PDF_STRINGS: Readonly<Record<PdfLang, PdfStrings>> = { nl, en, ar, tr };

/** An ISO day (YYYY-MM-DD) as the language writes it: "2 maart 2026", "2 March 2026", "2 Mart 2026". */
export function formatDay(lang: PdfLang, day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(PDF_STRINGS[lang].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A value from a closed list in the language, or the value itself if it is not one we know. */
export function translate<K extends string>(table: Readonly<Record<K, string>>, value: string): string {
  return Object.hasOwn(table, value) ? table[value as K] : value;
}

/**
 * A language code ("tr", "ary") by its name in the PDF's language: the screen's name for a conversation
 * language, otherwise Intl's, otherwise the code.
 */
export function languageName(lang: PdfLang, code: string): string {
  const names: Readonly<Record<string, string>> = CONVERSATION_LANGUAGE_NAMES[lang];
  if (Object.hasOwn(names, code)) return names[code]!;
  try {
    return (
      new Intl.DisplayNames([PDF_STRINGS[lang].locale], { type: 'language', fallback: 'code' }).of(code) ??
      code
    );
  } catch {
    return code;
  }
}
