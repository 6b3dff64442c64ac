import {
  DATA_CATEGORIES,
  type ConsentMethod,
  type ConsentPurpose,
  type DataCategory,
  type FormLanguage,
} from '../../../shared/consent.schema.js';
import type { PartnerType } from '../../../shared/partners.schema.js';
import { type PdfBlock, renderPdf } from '../../lib/pdf/render.js';
import { PDF_STRINGS, formatDay } from '../../lib/pdf/strings.js';

export interface ConsentFormInput {
  organisation: string;
  caseReference: string;
  language: FormLanguage;
  givenBy: string;
  categories: DataCategory[];
  partnerName: string | null;
  partnerType: PartnerType | null;
  purpose: ConsentPurpose;
  purposeNote: string;
  /** ISO days. */
  givenOn: string;
  validUntil: string;
  method: ConsentMethod;
  typedName: string | null;
  drawnSignature: Buffer | null;
  writtenOn: string | null;
}

/**
 * The consent form, entirely in the caller's language: exactly what may be shared (each category explained
 * in plain words), with whom, why and how long, how to withdraw, and a signature block — the in-app
 * signature when there is one, otherwise lines to sign by hand.
 */
export async function renderConsentForm(input: ConsentFormInput): Promise<Buffer> {
  const strings = PDF_STRINGS[input.language];
  const c = strings.consent;
  const day = (iso: string) => formatDay(input.language, iso);
  const recipient =
    input.partnerName ??
    (input.partnerType ? c.everyPartnerOfType(strings.partnerTypes[input.partnerType]) : '—');
  const signedInApp = input.typedName !== null || input.drawnSignature !== null;

  const blocks: PdfBlock[] = [
    { kind: 'title', text: c.title },
    { kind: 'paragraph', text: c.intro },
    { kind: 'field', label: c.organisation, value: input.organisation },
    { kind: 'field', label: c.caseReference, value: input.caseReference },
    { kind: 'field', label: c.givenBy, value: input.givenBy },
    { kind: 'field', label: c.method, value: strings.methods[input.method] },

    { kind: 'heading', text: c.scopeHeading },
    ...DATA_CATEGORIES.filter((category) => input.categories.includes(category)).map(
      (category): PdfBlock => ({
        kind: 'field',
        label: strings.categories[category].label,
        value: strings.categories[category].explanation,
      }),
    ),

    { kind: 'heading', text: c.recipientHeading },
    { kind: 'paragraph', text: recipient },

    { kind: 'heading', text: c.purposeHeading },
    { kind: 'paragraph', text: strings.purposes[input.purpose] },
    ...(input.purposeNote.trim()
      ? [{ kind: 'field', label: c.purposeNote, value: input.purposeNote } as const]
      : []),

    { kind: 'heading', text: c.validityHeading },
    { kind: 'field', label: c.validFrom, value: day(input.givenOn) },
    { kind: 'field', label: c.validUntil, value: day(input.validUntil) },
    { kind: 'space' },
    ...c.limits.map((text): PdfBlock => ({ kind: 'paragraph', text })),

    { kind: 'heading', text: c.withdrawalHeading },
    { kind: 'paragraph', text: c.withdrawal.join(' ') },

    { kind: 'heading', text: c.signatureHeading },
    {
      kind: 'signature',
      label: c.signatureStatement,
      typedName: input.typedName ?? (input.drawnSignature ? input.givenBy : null),
      drawnPng: input.drawnSignature,
      date: signedInApp ? day(input.writtenOn ?? input.givenOn) : null,
    },
  ];
  return renderPdf({
    lang: input.language,
    title: c.title,
    blocks,
    footer: `${c.footer} · ${input.caseReference}`,
  });
}
