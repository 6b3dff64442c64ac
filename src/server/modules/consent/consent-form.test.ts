import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, type FormLanguage } from '../../../shared/consent.schema.js';
import { PDF_STRINGS } from '../../lib/pdf/strings.js';
import { normaliseArabic, pdfImages, pdfInfo, pdfText, signaturePng } from '../../test/pdf-text.js';
import { type ConsentFormInput, renderConsentForm } from './consent-form.js';

const base: ConsentFormInput = {
  organisation: 'Stichting Vangnet Rotterdam',
  caseReference: 'CF-2026-0042',
  language: 'nl',
  givenBy: 'Moeder van Y.',
  categories: ['signals', 'contact_details'],
  partnerName: 'GGZ Rijnmond Zuid',
  partnerType: null,
  purpose: 'care_referral',
  purposeNote: 'Gesprek over begeleiding thuis',
  givenOn: '2026-03-02',
  validUntil: '2027-03-01',
  method: 'signature_typed',
  typedName: 'Fatma Yılmaz',
  drawnSignature: null,
  writtenOn: '2026-03-03',
};

const DATES: Record<FormLanguage, [string, string, string]> = {
  nl: ['2 maart 2026', '1 maart 2027', '3 maart 2026'],
  en: ['2 March 2026', '1 March 2027', '3 March 2026'],
  ar: ['2 مارس 2026', '1 مارس 2027', '3 مارس 2026'],
  tr: ['2 Mart 2026', '1 Mart 2027', '3 Mart 2026'],
};

const render = async (input: Partial<ConsentFormInput>) =>
  normaliseArabic(await pdfText(await renderConsentForm({ ...base, ...input })));
const has = (text: string, expected: string) => expect(text).toContain(normaliseArabic(expected));
const hasNot = (text: string, unexpected: string) => expect(text).not.toContain(normaliseArabic(unexpected));

describe.each(['nl', 'en', 'ar', 'tr'] as const)('consent form in %s', (language) => {
  const strings = PDF_STRINGS[language];
  let text: string;
  beforeAll(async () => {
    text = await render({ language });
  });

  it('names the organisation, case, who consents, the recipient and the purpose, in the language', () => {
    has(text, strings.consent.title);
    has(text, 'Stichting Vangnet Rotterdam');
    has(text, 'CF-2026-0042');
    has(text, 'Moeder van Y.');
    has(text, 'GGZ Rijnmond Zuid');
    has(text, strings.purposes.care_referral);
    has(text, 'Gesprek over begeleiding thuis');
    has(text, strings.methods.signature_typed);
  });

  it('spells out exactly the categories in scope, and no other', () => {
    for (const category of DATA_CATEGORIES) {
      const { label, explanation } = strings.categories[category];
      if (base.categories.includes(category)) {
        has(text, label);
        has(text, explanation);
      } else {
        hasNot(text, label);
        hasNot(text, explanation);
      }
    }
  });

  it('gives the dates as the language writes them, the limits, and how to withdraw', () => {
    const [givenOn, validUntil] = DATES[language];
    has(text, `${strings.consent.validFrom} ${givenOn}`);
    has(text, `${strings.consent.validUntil} ${validUntil}`);
    for (const limit of strings.consent.limits) has(text, limit);
    has(text, strings.consent.withdrawalHeading);
    has(text, strings.consent.withdrawal.join(' '));
  });

  it('shows the typed name as the signature, dated when it was written', () => {
    has(text, `${strings.signature.name} Fatma Yılmaz`);
    has(text, strings.signature.typedCounts);
    has(text, `${strings.signature.date} ${DATES[language][2]}`);
  });

  it('names every partner of a type when there is no single partner', async () => {
    const byType = await render({ language, partnerName: null, partnerType: 'police' });
    has(byType, strings.consent.everyPartnerOfType(strings.partnerTypes.police));
    hasNot(byType, 'GGZ Rijnmond Zuid');
  });
});

describe('consent form', () => {
  it('declares its language and title, and nothing of the case, in the metadata', async () => {
    const info = await pdfInfo(await renderConsentForm({ ...base, language: 'ar' }));
    expect(info).toMatchObject({ Language: 'ar', Title: PDF_STRINGS.ar.consent.title });
    expect(JSON.stringify(info)).not.toMatch(/CF-2026|Vangnet|Fatma/);
  });

  it('prints the Arabic text shaped so that it reads back as the words', async () => {
    const text = await render({ language: 'ar', givenBy: 'أم يوسف', purposeNote: 'موعد في البلدية' });
    has(text, 'الموافقة على مشاركة المعلومات');
    has(text, 'يمكنك سحب هذه الموافقة في أي وقت.');
    has(text, 'يسري السحب فوراً.');
    has(text, 'بيانات الاتصال');
    has(text, 'المؤشرات وعوامل الحماية');
    has(text, 'مقدّم الموافقة أم يوسف');
    has(text, 'ملاحظة موعد في البلدية');
  });

  it('keeps an Arabic name readable in a Dutch form', async () => {
    const text = await render({ language: 'nl', givenBy: 'أم يوسف' });
    has(text, 'Toestemming gegeven door أم يوسف');
  });

  it('places a drawn signature and names the person who gave consent', async () => {
    const pdf = await renderConsentForm({
      ...base,
      method: 'signature_drawn',
      typedName: null,
      drawnSignature: signaturePng(),
    });
    expect(await pdfImages(pdf)).toHaveLength(1);
    const text = normaliseArabic(await pdfText(pdf));
    has(text, 'Naam Moeder van Y.');
    hasNot(text, PDF_STRINGS.nl.signature.typedCounts);
    has(text, 'Datum 3 maart 2026');
  });

  it('leaves lines to sign by hand when consent was verbal', async () => {
    const pdf = await renderConsentForm({ ...base, method: 'verbal', typedName: null, writtenOn: null });
    expect(await pdfImages(pdf)).toHaveLength(0);
    const text = await pdfText(pdf);
    has(normaliseArabic(text), PDF_STRINGS.nl.methods.verbal);
    // Each label alone on its line: nothing filled in after it, a line to write on instead.
    for (const label of ['Naam', 'Handtekening', 'Datum']) expect(text.split('\n')).toContain(label);
    expect(text).not.toContain('Fatma');
    expect(text).not.toContain(PDF_STRINGS.nl.signature.typedCounts);
  });
});
