import { loadFonts } from './fonts.js';
import { BODY, HEADING, MARGIN, TITLE, geometry } from './page-style.js';
import { Writer } from './writer.js';

export type PdfLang = 'nl' | 'en' | 'ar' | 'tr';

export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'signature';
      label: string;
      typedName: string | null;
      drawnPng: Buffer | null;
      date: string | null;
    }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** Columns whose cells are numbers (or stand-ins for them), set on the side where lines end. */
      numeric: boolean[];
      /** The last row is a total, set off by a rule. */
      totalRow: boolean;
    }
  | {
      kind: 'bars';
      /** value null: hidden; drawn as an empty hatched bar of a fixed size that says nothing of the value. */
      bars: { label: string; value: number | null; text: string }[];
    }
  | { kind: 'space' }
  /**
   * Two languages side by side (a bilingual brochure): each cell is laid out in its own direction, the left
   * cell on the left whatever the document's direction.
   */
  | {
      kind: 'columns';
      style: 'title' | 'heading' | 'paragraph';
      left: { text: string; rtl: boolean };
      right: { text: string; rtl: boolean };
    }
  /** A QR code drawn as vector squares (`modules[row][col]` dark), centred, with a caption under it. */
  | { kind: 'qr'; modules: boolean[][]; sizeMm: number; caption: string };

export interface PdfInput {
  lang: PdfLang;
  /** Goes into the PDF metadata; nothing else about the case does. */
  title: string;
  blocks: PdfBlock[];
  /** Printed small on every page, above the page number. */
  footer?: string;
  /** Landscape for tables too wide for an upright page; portrait by default. */
  orientation?: 'portrait' | 'landscape';
}

function drawBlock(w: Writer, block: PdfBlock): void {
  switch (block.kind) {
    case 'title':
      w.paragraph(block.text, TITLE, 4);
      w.rule();
      w.y += 12;
      return;
    case 'heading':
      w.heading(block.text, HEADING, 10);
      return;
    case 'paragraph':
      w.paragraph(block.text, BODY, 6);
      return;
    case 'field':
      w.field(block.label, block.value);
      return;
    case 'list':
      w.list(block.items);
      return;
    case 'signature':
      w.signature(block);
      return;
    case 'table':
      w.table(block);
      return;
    case 'bars':
      w.bars(block);
      return;
    case 'space':
      w.y += 8;
      return;
    case 'columns':
      w.columns(block);
      return;
    case 'qr':
      w.qr(block);
      return;
    default: {
      const unknown: never = block;
      throw new Error(`Unknown PDF block ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Renders blocks to an A4 PDF in one language: right-to-left throughout for Arabic, a font per script so
 * any text can hold Latin and Arabic, page numbers in the footer, and metadata with only the title and
 * language.
 */
export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const fonts = await loadFonts();
  // Loaded on the first PDF, not at start: pdfkit and its font stack hold about 7 MB of heap nobody else uses.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: input.orientation ?? 'portrait',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: input.lang,
    displayTitle: true,
    info: { Title: input.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // @types/pdfkit does not declare it, but pdfkit takes a parsed fontkit font as a font source.
  for (const [name, font] of fonts) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);

  const writer = new Writer(doc, input.lang, geometry(input.orientation ?? 'portrait'));
  for (const block of input.blocks) drawBlock(writer, block);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    writer.footer(input.footer, i + 1, range.count);
  }
  doc.end();
  return done;
}
