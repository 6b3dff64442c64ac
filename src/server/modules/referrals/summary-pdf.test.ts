import { beforeAll, describe, expect, it } from 'vitest';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import type { Summary } from '../../../shared/referrals.schema.js';
import { PDF_STRINGS, formatDay, languageName } from '../../lib/pdf/strings.js';
import { normaliseArabic, pdfInfo, pdfText } from '../../test/pdf-text.js';
import { renderSummaryPdf } from './summary-pdf.js';

// Every section carries a token that only it contains, so its absence can be checked.
const full: Summary = {
  organisation: 'Stichting Vangnet Rotterdam',
  caseReference: 'CF-2026-0042',
  recipient: 'GGZ Rijnmond Zuid',
  purpose: 'care_referral',
  basis: {
    kind: 'consent',
    consentId: '5b0e7c1a-3f7e-4d2a-9a55-1f2e3d4c5b6a',
    givenOn: '2026-03-02',
    validUntil: '2027-03-01',
  },
  categories: ['contact_details', 'concern_summary', 'signals', 'person_status', 'support_history'],
  producedOn: '2026-03-05',
  contactDetails: {
    callerAlias: 'Moeder-K7',
    phone: '+31 6 1234 5678',
    language: 'tr',
    municipality: 'Schiedam',
    mayCallBack: true,
    mayLeaveMessage: false,
    safeChannel: 'whatsapp',
    safeTimes: 'Na 18:00 (CALLBACK-2207)',
  },
  concernSummary: {
    category: 'C2 Aanwijzingen vertrek',
    summary: 'Zoon praat over vertrekken (CONCERN-6610)',
  },
  signals: [
    { kind: 'signal', observedOn: '2026-02-01', text: 'Trekt zich terug (SIG-4471)' },
    { kind: 'protective', observedOn: '2026-02-10', text: 'Sport elke week (PROT-8812)' },
  ],
  personStatus: [
    {
      alias: 'PERSON-Y9',
      ageBand: '16_17',
      gender: 'male',
      municipality: 'Vlaardingen',
      timeline: [
        { status: 'at_home', occurredOn: '2026-01-01' },
        { status: 'concerns_reported', occurredOn: '2026-02-01' },
      ],
    },
  ],
  supportHistory: {
    openedOn: '2026-01-15',
    contacts: [{ on: '2026-01-16', channel: 'whatsapp', minutes: 35 }],
    interventions: [{ code: 'I6', label: 'Coaching (INT-5150)', on: '2026-01-20' }],
    goals: [{ text: 'Contact herstellen (GOAL-3321)', status: 'achieved' }],
  },
};

const SECTION_TOKENS = {
  contactDetails: ['Moeder-K7', '+31 6 1234 5678', 'Schiedam', 'CALLBACK-2207'],
  concernSummary: ['C2 Aanwijzingen vertrek', 'CONCERN-6610'],
  signals: ['SIG-4471', 'PROT-8812'],
  personStatus: ['PERSON-Y9', 'Vlaardingen'],
  supportHistory: ['INT-5150', 'GOAL-3321'],
} as const;

const read = async (summary: Summary, language: FormLanguage) =>
  normaliseArabic(await pdfText(await renderSummaryPdf(summary, language)));
const has = (text: string, expected: string) => expect(text).toContain(normaliseArabic(expected));
const hasNot = (text: string, unexpected: string) => expect(text).not.toContain(normaliseArabic(unexpected));
const count = (text: string, s: string) => text.split(normaliseArabic(s)).length - 1;

describe.each(['nl', 'en', 'ar', 'tr'] as const)('summary in %s', (language) => {
  const strings = PDF_STRINGS[language];
  const day = (iso: string) => formatDay(language, iso);
  let text: string;
  beforeAll(async () => {
    text = await read(full, language);
  });

  it('has a header with who, for whom, why and on what basis', () => {
    const t = strings.summary;
    has(text, t.title.consent);
    has(text, `${t.organisation} Stichting Vangnet Rotterdam`);
    has(text, `${t.caseReference} CF-2026-0042`);
    has(text, `${t.recipient} GGZ Rijnmond Zuid`);
    has(text, `${t.purpose} ${strings.purposes.care_referral}`);
    has(text, `${t.basis} ${t.basisConsent(day('2026-03-02'), day('2027-03-01'))}`);
    has(text, `${t.producedOn} ${day('2026-03-05')}`);
  });

  it('prints every section that is present, with its values translated', () => {
    for (const category of full.categories) has(text, strings.categories[category].label);
    for (const token of Object.values(SECTION_TOKENS).flat()) has(text, token);
    has(text, `${day('2026-02-01')} · ${strings.signalKinds.signal} Trekt zich terug (SIG-4471)`);
    has(text, `${day('2026-02-10')} · ${strings.signalKinds.protective} Sport elke week (PROT-8812)`);
    has(text, `${strings.summary.ageBand} ${strings.ageBands['16_17']}`);
    has(text, `${strings.summary.gender} ${strings.genders.male}`);
    has(text, `${day('2026-01-01')}: ${strings.statuses.at_home}`);
    has(text, `${day('2026-02-01')}: ${strings.statuses.concerns_reported}`);
    has(text, `${strings.summary.language} ${languageName(language, 'tr')}`);
    has(
      text,
      `${day('2026-01-16')}: ${strings.channels.whatsapp}${strings.comma}${strings.summary.minutes(35)}`,
    );
    has(text, `${day('2026-01-20')}: I6 Coaching (INT-5150)`);
    has(text, `Contact herstellen (GOAL-3321) (${strings.goalStatuses.achieved})`);
  });

  it('says it is confidential on every page', () => {
    const pages = [1, 2, 3, 4, 5].find((n) => text.includes(normaliseArabic(strings.page(1, n))));
    expect(pages).toBeDefined();
    expect(count(text, strings.summary.footer.consent)).toBe(pages);
  });

  it('leaves out every section that is absent, heading and content', async () => {
    const { signals: _s, personStatus: _p, concernSummary: _c, ...rest } = full;
    const partial = await read({ ...rest, categories: ['contact_details', 'support_history'] }, language);
    for (const token of [...SECTION_TOKENS.contactDetails, ...SECTION_TOKENS.supportHistory])
      has(partial, token);
    for (const token of [
      ...SECTION_TOKENS.signals,
      ...SECTION_TOKENS.personStatus,
      ...SECTION_TOKENS.concernSummary,
    ])
      hasNot(partial, token);
    for (const category of ['signals', 'person_status', 'concern_summary'] as const)
      hasNot(partial, strings.categories[category].label);
    hasNot(partial, strings.statuses.concerns_reported);
    hasNot(partial, strings.summary.ageBand);
    hasNot(partial, strings.summary.statusOverTime);
  });

  it('states an emergency disclosure as such, with its ground translated', async () => {
    const emergency = await read(
      {
        ...full,
        basis: {
          kind: 'emergency',
          requestId: '0d6f1c2b-8e4a-4b7c-9d1e-2f3a4b5c6d7e',
          ground: 'danger_to_life',
          approvedOn: '2026-03-04',
        },
      },
      language,
    );
    const t = strings.summary;
    has(emergency, t.title.emergency);
    has(emergency, t.basisEmergency(day('2026-03-04'), strings.emergencyGrounds.danger_to_life));
    has(emergency, t.footer.emergency);
    hasNot(emergency, t.footer.consent);
  });
});

describe('summary', () => {
  it('prints the heading of a listed category only when its section is there', async () => {
    const { signals: _signals, ...withoutSignals } = full;
    const text = await read(withoutSignals, 'nl');
    // Once in the list of included categories, never as a section heading.
    expect(count(text, 'Signalen en beschermende factoren')).toBe(1);
    hasNot(text, 'SIG-4471');
  });

  it('is in Arabic, shaped, and declares it', async () => {
    const pdf = await renderSummaryPdf(full, 'ar');
    expect(await pdfInfo(pdf)).toMatchObject({ Language: 'ar', Title: 'ملخص تمت مشاركته بموافقة' });
    const text = normaliseArabic(await pdfText(pdf));
    has(text, 'ملخص تمت مشاركته بموافقة');
    has(text, 'الأقسام المشمولة');
    has(text, 'تطور الوضع مع الوقت 1 يناير 2026: في المنزل');
    has(text, 'سري — تمت مشاركته بموافقة كتابية ولهذا الغرض فقط؛ لا يجوز تمريره إلى الغير.');
  });

  it('keeps Arabic notes readable in a Dutch summary', async () => {
    const note = 'يذهب إلى التدريب كل أسبوع';
    const text = await read(
      { ...full, signals: [{ kind: 'protective', observedOn: '2026-02-10', text: note }] },
      'nl',
    );
    has(text, `10 februari 2026 · Beschermende factor ${note}`);
  });
});
