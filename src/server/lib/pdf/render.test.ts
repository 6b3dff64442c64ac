import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  normaliseArabic,
  pdfFragments,
  pdfImages,
  pdfInfo,
  pdfText,
  signaturePng,
} from '../../test/pdf-text.js';
import { HOSTILE_PNGS } from '../../test/hostile-images.js';
import { type PdfBlock, type PdfLang, renderPdf } from './render.js';
import { PDF_STRINGS } from './strings.js';

const LANGS: PdfLang[] = ['nl', 'en', 'ar', 'tr'];
const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;

/** Every string of a language's table, functions called with sample arguments. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (...a: unknown[]) => unknown)('X1', 'Y2'))];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

const contains = (text: string, expected: string) =>
  expect(normaliseArabic(text)).toContain(normaliseArabic(expected));

describe('renderPdf', () => {
  it.each(LANGS)(
    'declares title and language %s in the metadata, and nothing else about the case',
    async (lang) => {
      const pdf = await renderPdf({
        lang,
        title: `Title ${lang}`,
        blocks: [{ kind: 'field', label: 'Case', value: 'CF-SECRET-77' }],
      });
      const info = await pdfInfo(pdf);
      expect(info).toMatchObject({ Title: `Title ${lang}`, Language: lang });
      expect(info).not.toHaveProperty('Author');
      expect(info).not.toHaveProperty('Subject');
      expect(info).not.toHaveProperty('Keywords');
      expect(JSON.stringify(info)).not.toContain('SECRET');
    },
  );

  it('prints every string of every language so that it reads back (no missing glyphs, Arabic shaped)', async () => {
    for (const lang of LANGS) {
      const strings = allStrings(PDF_STRINGS[lang]).filter((s) => s !== PDF_STRINGS[lang].locale);
      // A dozen short paragraphs fit on one page: no string is cut by a page break and its footer.
      for (let i = 0; i < strings.length; i += 12) {
        const chunk = strings.slice(i, i + 12);
        const pdf = await renderPdf({
          lang,
          title: 't',
          blocks: chunk.map((text) => ({ kind: 'paragraph', text })),
        });
        const text = await pdfText(pdf);
        for (const s of chunk) contains(text, s);
      }
    }
  });

  it('breaks pages, keeps every line and numbers the pages in the footer', async () => {
    const blocks: PdfBlock[] = Array.from({ length: 70 }, (_, i) => ({
      kind: 'paragraph',
      text: `Alinea ${i + 1}: een zin die lang genoeg is om de regel te vullen en het document over meerdere pagina's te laten lopen.`,
    }));
    const pdf = await renderPdf({ lang: 'nl', title: 't', blocks, footer: 'Vertrouwelijk voetje' });
    const text = await pdfText(pdf);
    const pages = Number(/Pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    expect(text.match(/Vertrouwelijk voetje/g)).toHaveLength(pages);
    for (let i = 1; i <= 70; i++) expect(text.match(new RegExp(`Alinea ${i}:`, 'g'))).toHaveLength(1);
    // Only the footer is below the bottom margin.
    const low = (await pdfFragments(pdf)).filter((f) => f.y < 24 * MM);
    expect(low.length).toBeGreaterThan(0);
    for (const f of low) expect(f.text).toMatch(/^(Vertrouwelijk|voetje|Pagina|van|\d+)$/);
  });

  it('lays an Arabic document out right-aligned, and a Dutch one left-aligned', async () => {
    const blocks: PdfBlock[] = [
      { kind: 'title', text: 'عنوان' },
      { kind: 'paragraph', text: 'فقرة قصيرة' },
    ];
    const ar = await pdfFragments(await renderPdf({ lang: 'ar', title: 't', blocks }));
    const body = ar.filter((f) => f.y > A4.height / 2);
    expect(Math.max(...body.map((f) => f.x + f.width))).toBeCloseTo(A4.width - 20 * MM, 0);
    expect(Math.min(...body.map((f) => f.x))).toBeGreaterThan(A4.width / 2);

    const nl = await pdfFragments(
      await renderPdf({ lang: 'nl', title: 't', blocks: [{ kind: 'paragraph', text: 'Korte alinea' }] }),
    );
    expect(Math.min(...nl.map((f) => f.x))).toBeCloseTo(20 * MM, 0);
  });

  it('renders each script with its own font, in any document language', async () => {
    const arabicNote = 'ابني يذهب إلى التدريب كل أسبوع';
    const nl = await pdfText(
      await renderPdf({
        lang: 'nl',
        title: 't',
        blocks: [
          { kind: 'field', label: 'Notitie', value: arabicNote },
          { kind: 'paragraph', text: 'Çiğdem Şahin, İzmir — Zoë en Anaïs, café' },
        ],
      }),
    );
    contains(nl, arabicNote);
    expect(nl).toContain('Çiğdem Şahin, İzmir — Zoë en Anaïs, café');

    const ar = await pdfText(
      await renderPdf({
        lang: 'ar',
        title: 't',
        blocks: [
          { kind: 'field', label: 'الجهة', value: 'Stichting Vangnet Rotterdam' },
          { kind: 'paragraph', text: 'أحالت الجهة الحالة إلى GGZ Rijnmond في 2 مارس 2026.' },
          { kind: 'paragraph', text: 'رقم الملف ٢٠٢٦ (مهم)' },
        ],
      }),
    );
    contains(ar, 'الجهة Stichting Vangnet Rotterdam');
    contains(ar, 'أحالت الجهة الحالة إلى GGZ Rijnmond في 2 مارس 2026.');
    contains(ar, 'رقم الملف ٢٠٢٦ (مهم)');
  });

  it('has a text layer that pdftotext reads in reading order, Arabic words not letter-reversed', async () => {
    const pdf = await renderPdf({
      lang: 'ar',
      title: 't',
      blocks: [
        { kind: 'title', text: 'الموافقة على مشاركة البيانات' },
        { kind: 'paragraph', text: 'الموافقة على مشاركة البيانات مع GGZ Rijnmond منذ 2026 للعائلة' },
        { kind: 'field', label: 'الجهة', value: 'Stichting Vangnet Rotterdam' },
      ],
    });
    let extracted: string;
    try {
      extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
    } catch (error) {
      throw new Error(
        `pdftotext (poppler-utils) is needed for this test: apt-get install -y poppler-utils (${String(error)})`,
        { cause: error },
      );
    }
    // pdftotext wraps runs in embedding marks (U+202A…U+202C), a space sometimes just inside one.
    const lines = extracted
      .normalize('NFKC')
      .split('\n')
      .map((line) =>
        line
          .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    // Letters that share a dotless glyph can come out with another's dots (see normaliseArabic), so letters
    // are compared by their skeleton; their order is compared exactly.
    const text = normaliseArabic(lines.join(' '));
    expect(text).toContain(normaliseArabic('الموافقة على مشاركة البيانات'));
    expect(text).not.toContain(normaliseArabic('ةقفاوملا'));
    expect(lines.map(normaliseArabic)).toContain(
      normaliseArabic('الموافقة على مشاركة البيانات مع GGZ Rijnmond منذ 2026 للعائلة'),
    );
    expect(text).toContain(normaliseArabic('الجهة'));
    expect(text).toContain('Stichting Vangnet Rotterdam');
  });

  it.each(['nl', 'ar'] as const)('places a drawn signature of at most 60 mm (%s)', async (lang) => {
    const pdf = await renderPdf({
      lang,
      title: 't',
      blocks: [
        {
          kind: 'signature',
          label: 'Sign',
          typedName: 'Fatma',
          drawnPng: signaturePng(900, 120),
          date: null,
        },
      ],
    });
    const images = await pdfImages(pdf);
    expect(images).toHaveLength(1);
    const image = images[0]!;
    expect(image.width).toBeCloseTo(60 * MM, 0);
    expect(image.height).toBeLessThanOrEqual(25 * MM);
    // In the value column, where its lines start (like the typed name above it): right in Arabic, left in Dutch.
    const fragments = await pdfFragments(pdf);
    const name = fragments.find((f) => f.text === 'Fatma')!;
    const word = PDF_STRINGS[lang].signature.signature;
    // Fragments hold glyphs as drawn: an Arabic word from left to right, so reversed.
    const drawn = normaliseArabic(lang === 'ar' ? [...word].reverse().join('') : word);
    const label = fragments.find((f) => normaliseArabic(f.text) === drawn)!;
    if (lang === 'ar') {
      expect(image.x + image.width).toBeCloseTo(name.x + name.width, 0);
      expect(image.x + image.width).toBeLessThan(label.x);
    } else {
      expect(image.x).toBeCloseTo(name.x, 0);
      expect(image.x).toBeGreaterThan(label.x + label.width);
    }
  });

  // Before images were checked, pdfkit's PNG decoder threw these inside a zlib callback: the process died.
  it.each([...Object.keys(HOSTILE_PNGS), 'not a PNG at all'])(
    'prints a stored drawn signature with %s as a note, never crashing',
    async (name) => {
      const drawnPng = HOSTILE_PNGS[name]?.() ?? Buffer.from('GIF89a...');
      const pdf = await renderPdf({
        lang: 'nl',
        title: 't',
        blocks: [
          { kind: 'signature', label: 'Ondertekening', typedName: null, drawnPng, date: '2026-03-02' },
        ],
      });
      expect(await pdfImages(pdf)).toHaveLength(0);
      contains(await pdfText(pdf), PDF_STRINGS.nl.signature.unreadable);
    },
  );

  it('rejects (does not throw past) an error while rendering', async () => {
    const bad = { kind: 'nonsense' } as unknown as PdfBlock;
    await expect(renderPdf({ lang: 'nl', title: 't', blocks: [bad] })).rejects.toThrow(/Unknown PDF block/);
  });
});
