import { DATA_CATEGORIES, type FormLanguage } from '../../../shared/consent.schema.js';
import { type Summary } from '../../../shared/referrals.schema.js';
import { type PdfBlock, renderPdf } from '../../lib/pdf/render.js';
import { PDF_STRINGS, type PdfStrings, formatDay, languageName, translate } from '../../lib/pdf/strings.js';

type Day = (iso: string) => string;

/** The printed sections, one per category, each only from the data the summary holds. */
function sections(summary: Summary, strings: PdfStrings, language: FormLanguage, day: Day): PdfBlock[] {
  const t = strings.summary;
  const heading = (category: keyof PdfStrings['categories']): PdfBlock => ({
    kind: 'heading',
    text: strings.categories[category].label,
  });
  const field = (label: string, value: string): PdfBlock => ({ kind: 'field', label, value });
  const lines = (items: string[]) => (items.length > 0 ? items.join('\n') : '—');
  const blocks: PdfBlock[] = [];

  const contact = summary.contactDetails;
  if (contact) {
    blocks.push(
      heading('contact_details'),
      field(t.callerAlias, contact.callerAlias),
      field(t.phone, contact.phone ?? '—'),
      field(t.language, languageName(language, contact.language)),
      field(t.municipality, contact.municipality),
      field(
        t.safeCallback,
        [
          contact.mayCallBack === null ? '' : `${t.mayCallBack}: ${contact.mayCallBack ? t.yes : t.no}`,
          contact.mayLeaveMessage === null
            ? ''
            : `${t.mayLeaveMessage}: ${contact.mayLeaveMessage ? t.yes : t.no}`,
          contact.safeChannel ? translate(strings.channels, contact.safeChannel) : '',
          contact.safeTimes ? `${t.safeTimes}: ${contact.safeTimes}` : '',
        ]
          .filter(Boolean)
          .join('\n') || '—',
      ),
    );
  }
  const concern = summary.concernSummary;
  if (concern) {
    blocks.push(
      heading('concern_summary'),
      field(t.concernCategory, concern.category),
      field(t.concernText, concern.summary),
    );
  }
  const signals = summary.signals;
  if (signals) {
    blocks.push(heading('signals'));
    if (signals.length === 0) blocks.push({ kind: 'paragraph', text: '—' });
    for (const signal of signals) {
      blocks.push(
        field(`${day(signal.observedOn)} · ${translate(strings.signalKinds, signal.kind)}`, signal.text),
      );
    }
  }
  const people = summary.personStatus;
  if (people) {
    blocks.push(heading('person_status'));
    if (people.length === 0) blocks.push({ kind: 'paragraph', text: '—' });
    people.forEach((person, i) => {
      if (i > 0) blocks.push({ kind: 'space' });
      blocks.push(
        field(t.alias, person.alias),
        field(t.ageBand, translate(strings.ageBands, person.ageBand)),
        field(t.gender, translate(strings.genders, person.gender)),
        field(t.municipality, person.municipality),
        field(
          t.statusOverTime,
          lines(person.timeline.map((e) => `${day(e.occurredOn)}: ${translate(strings.statuses, e.status)}`)),
        ),
      );
    });
  }
  const support = summary.supportHistory;
  if (support) {
    blocks.push(
      heading('support_history'),
      field(t.openedOn, day(support.openedOn)),
      field(
        t.contacts,
        lines(
          support.contacts.map(
            (c) =>
              `${day(c.on)}: ${translate(strings.channels, c.channel)}${c.minutes === null ? '' : `${strings.comma}${t.minutes(c.minutes)}`}`,
          ),
        ),
      ),
      field(t.interventions, lines(support.interventions.map((i) => `${day(i.on)}: ${i.code} ${i.label}`))),
      field(
        t.goals,
        lines(support.goals.map((g) => `${g.text} (${translate(strings.goalStatuses, g.status)})`)),
      ),
    );
  }
  return blocks;
}

/**
 * A consented (or emergency) summary for a partner, in the given language: who made it for whom, on what
 * basis, the categories it includes, then exactly the sections present in `summary` — a section whose key
 * is absent is not printed at all, not even its heading.
 */
export async function renderSummaryPdf(summary: Summary, language: FormLanguage): Promise<Buffer> {
  const strings = PDF_STRINGS[language];
  const t = strings.summary;
  const day: Day = (iso) => formatDay(language, iso);
  const basis = summary.basis;
  const basisText =
    basis.kind === 'consent'
      ? t.basisConsent(day(basis.givenOn), day(basis.validUntil))
      : t.basisEmergency(day(basis.approvedOn), translate(strings.emergencyGrounds, basis.ground));
  const title = t.title[basis.kind];

  const blocks: PdfBlock[] = [
    { kind: 'title', text: title },
    { kind: 'field', label: t.organisation, value: summary.organisation },
    { kind: 'field', label: t.caseReference, value: summary.caseReference },
    { kind: 'field', label: t.recipient, value: summary.recipient },
    { kind: 'field', label: t.purpose, value: strings.purposes[summary.purpose] },
    { kind: 'field', label: t.basis, value: basisText },
    { kind: 'field', label: t.producedOn, value: day(summary.producedOn) },
    { kind: 'heading', text: t.categoriesHeading },
    { kind: 'paragraph', text: t.categoriesIntro },
    {
      kind: 'list',
      items: DATA_CATEGORIES.filter((c) => summary.categories.includes(c)).map(
        (c) => strings.categories[c].label,
      ),
    },
    ...sections(summary, strings, language, day),
  ];
  return renderPdf({ lang: language, title, blocks, footer: t.footer[basis.kind] });
}
