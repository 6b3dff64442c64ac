import { type FontName } from './fonts.js';
import { ImageRejected, normaliseSignaturePng } from './images.js';
import { layoutText, type Line, type Script } from './layout.js';
import { PDF_STRINGS } from './strings.js';
import { inLogicalOrder } from './logical-order.js';
import {
  ARABIC_SCALE,
  BODY,
  COLUMN_GAP,
  FOOTER,
  HEADING,
  LABEL,
  MARGIN,
  MM,
  MUTED,
  SIGNATURE_MAX,
  TITLE,
  ascent,
  geometry,
  lineHeight,
  type Geometry,
  type Style,
} from './page-style.js';
import type { PdfBlock, PdfLang } from './render.js';

/** Writes blocks top to bottom, starting a new page when the next line does not fit. */
export class Writer {
  y = MARGIN.top;
  readonly rtl: boolean;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly lang: PdfLang,
    readonly g: Geometry = geometry('portrait'),
  ) {
    this.rtl = lang === 'ar';
  }

  private useFont(script: Script, style: Style): void {
    const name: FontName =
      script === 'arabic' ? (style.bold ? 'arabicBold' : 'arabic') : style.bold ? 'latinBold' : 'latin';
    this.doc.font(name).fontSize(script === 'arabic' ? style.size * ARABIC_SCALE : style.size);
  }

  layout(
    text: string,
    style: Style,
    width: number,
    align: 'start' | 'center' = 'start',
    rtl: boolean = this.rtl,
  ): Line[] {
    this.useFont('latin', style);
    const spaceWidth = this.doc.widthOfString(' ');
    return layoutText(text, {
      width,
      align,
      rtlDocument: rtl,
      spaceWidth,
      measure: (piece, script) => {
        this.useFont(script, style);
        return this.doc.widthOfString(piece);
      },
    });
  }

  /**
   * Arabic pieces are written in logical order (see inLogicalOrder), so that copying, search and screen
   * readers get the words in reading order. No ActualText span: pdftotext spreads its text over the span left
   * to right and then reverses it as right-to-left text, which gave every Arabic word letter-reversed.
   */
  drawLine(line: Line, left: number, baseline: number, style: Style): void {
    for (const word of line.words) {
      for (const piece of word.pieces) {
        this.useFont(piece.script, style);
        const draw = () =>
          this.doc.fillColor(style.color).text(piece.text, left + word.x + piece.x, baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
          });
        if (piece.script === 'arabic') inLogicalOrder(this.doc, draw);
        else draw();
      }
    }
  }

  ensure(height: number): void {
    if (this.y + height <= this.g.pageHeight - MARGIN.bottom) return;
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Left edge and width of the content box, indented on the side where lines start. */
  box(indent = 0): { left: number; width: number } {
    return { left: this.rtl ? MARGIN.side : MARGIN.side + indent, width: this.g.contentWidth - indent };
  }

  paragraph(text: string, style: Style, gapAfter: number, indent = 0): void {
    const { left, width } = this.box(indent);
    for (const line of this.layout(text, style, width)) {
      const height = lineHeight(line, style);
      this.ensure(height);
      this.drawLine(line, left, this.y + ascent(line, style), style);
      this.y += height;
    }
    this.y += gapAfter;
  }

  heading(text: string, style: Style, gapBefore: number): void {
    if (this.y > MARGIN.top) this.y += gapBefore;
    // Keep a heading together with the first lines under it.
    this.ensure(lineHeight(undefined, style) * 2 + lineHeight(undefined, BODY) * 2);
    this.paragraph(text, style, 4);
  }

  /**
   * Label and value side by side, the label on the side where lines start. A label that needs two lines
   * goes above its value instead, so that each column reads on its own.
   */
  field(label: string, value: string | null): void {
    const valueWidth = this.g.contentWidth - this.g.labelWidth - COLUMN_GAP;
    const labelLeft = this.rtl ? MARGIN.side + this.g.contentWidth - this.g.labelWidth : MARGIN.side;
    const valueLeft = this.rtl ? MARGIN.side : MARGIN.side + this.g.labelWidth + COLUMN_GAP;
    let labelLines = this.layout(label, LABEL, this.g.labelWidth);
    const valueLines = value === null ? [] : this.layout(value.trim() === '' ? '—' : value, BODY, valueWidth);
    if (labelLines.length > 1) {
      this.ensure(lineHeight(undefined, LABEL) + lineHeight(valueLines[0], BODY));
      this.paragraph(label, LABEL, 0);
      labelLines = [];
    }
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      const l = labelLines[i];
      const v = valueLines[i];
      const height = Math.max(l ? lineHeight(l, LABEL) : 0, v ? lineHeight(v, BODY) : 0);
      this.ensure(height);
      const baseline = this.y + Math.max(l ? ascent(l, LABEL) : 0, v ? ascent(v, BODY) : 0);
      if (l) this.drawLine(l, labelLeft, baseline, LABEL);
      if (v) this.drawLine(v, valueLeft, baseline, BODY);
      this.y += height;
    }
    this.y += 3;
  }

  list(items: string[]): void {
    const indent = 16;
    const { left, width } = this.box(indent);
    for (const item of items) {
      this.layout(item, BODY, width).forEach((line, i) => {
        const height = lineHeight(line, BODY);
        this.ensure(height);
        const baseline = this.y + ascent(line, BODY);
        if (i === 0) {
          this.useFont('latin', BODY);
          const bulletX = this.rtl ? MARGIN.side + this.g.contentWidth - 10 : MARGIN.side + 4;
          this.doc
            .fillColor(BODY.color)
            .text('•', bulletX, baseline, { lineBreak: false, baseline: 'alphabetic' });
        }
        this.drawLine(line, left, baseline, BODY);
        this.y += height;
      });
      this.y += 2;
    }
    this.y += 4;
  }

  /** One table row at the current y; returns nothing, advances y. */
  private tableRow(cells: string[], widths: number[], numeric: boolean[], style: Style): void {
    const pad = 4;
    const laid = cells.map((text, i) => this.layout(text, style, widths[i]! - 2 * pad));
    const height =
      Math.max(...laid.map((lines) => lines.reduce((h, line) => h + lineHeight(line, style), 0))) + 2;
    const top = this.y;
    let offset = 0;
    cells.forEach((_, i) => {
      const width = widths[i]!;
      const left = this.rtl ? MARGIN.side + this.g.contentWidth - offset - width : MARGIN.side + offset;
      offset += width;
      let y = top;
      for (const line of laid[i]!) {
        // Numbers on the side where lines end, so that they line up.
        const slack = width - 2 * pad - line.width;
        const shift = numeric[i] ? (this.rtl ? -slack : slack) : 0;
        this.drawLine(line, left + pad + shift, y + ascent(line, style), style);
        y += lineHeight(line, style);
      }
    });
    this.y = top + height;
  }

  table(block: Extract<PdfBlock, { kind: 'table' }>): void {
    const n = block.header.length;
    const first =
      n <= 3 ? this.g.contentWidth * 0.5 : Math.max(this.g.contentWidth * 0.22, this.g.contentWidth / n);
    const widths = [first, ...Array.from({ length: n - 1 }, () => (this.g.contentWidth - first) / (n - 1))];
    const size = n > 8 ? 8 : n > 5 ? 9.5 : 10.5;
    const body: Style = { ...BODY, size };
    const head: Style = { ...LABEL, size };
    const header = () => {
      this.tableRow(block.header, widths, [false, ...block.numeric.slice(1)], head);
      this.rule();
      this.y += 3;
    };
    this.ensure(lineHeight(undefined, head) * 3 + lineHeight(undefined, body) * 2);
    header();
    block.rows.forEach((row, i) => {
      const total = block.totalRow && i === block.rows.length - 1;
      const rowHeight = lineHeight(undefined, body) * 2 + 4;
      if (this.y + rowHeight > this.g.pageHeight - MARGIN.bottom) {
        this.doc.addPage();
        this.y = MARGIN.top;
        header();
      }
      if (total) {
        this.y += 2;
        this.rule();
        this.y += 3;
      }
      this.tableRow(row, widths, block.numeric, total ? head : body);
    });
    this.y += 10;
  }

  /** A horizontal bar per row, growing from the side where lines start; hidden values are not drawn to scale. */
  bars(block: Extract<PdfBlock, { kind: 'bars' }>): void {
    const style: Style = { ...BODY, size: 9.5 };
    const labelWidth = this.g.labelWidth;
    const valueRoom = 40;
    const area = this.g.contentWidth - labelWidth - COLUMN_GAP - valueRoom;
    const max = Math.max(1, ...block.bars.map((b) => b.value ?? 0));
    const barHeight = 9;
    const hiddenWidth = 24;
    for (const bar of block.bars) {
      const label = this.layout(bar.label, style, labelWidth);
      const text = this.layout(bar.text, style, valueRoom - 4);
      const height = Math.max(
        label.reduce((h, line) => h + lineHeight(line, style), 0),
        barHeight + 6,
      );
      this.ensure(height + 2);
      const top = this.y;
      const labelLeft = this.rtl ? MARGIN.side + this.g.contentWidth - labelWidth : MARGIN.side;
      let y = top;
      for (const line of label) {
        this.drawLine(line, labelLeft, y + ascent(line, style), style);
        y += lineHeight(line, style);
      }
      const width =
        bar.value === null ? hiddenWidth : Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * area);
      const start = this.rtl ? MARGIN.side + valueRoom + area : MARGIN.side + labelWidth + COLUMN_GAP;
      const x = this.rtl ? start - width : start;
      const barTop = top + (lineHeight(undefined, style) - barHeight) / 2;
      if (bar.value === null) {
        this.doc.save();
        this.doc.rect(x, barTop, width, barHeight).clip();
        for (let k = -barHeight; k < width; k += 4)
          this.doc
            .moveTo(x + k, barTop + barHeight)
            .lineTo(x + k + barHeight, barTop)
            .lineWidth(0.6)
            .strokeColor('#888888')
            .stroke();
        this.doc.restore();
        this.doc.rect(x, barTop, width, barHeight).lineWidth(0.6).strokeColor('#666666').stroke();
      } else if (width > 0) {
        this.doc.rect(x, barTop, width, barHeight).fillColor('#2f6f9f').fill();
      }
      const line = text[0];
      if (line) {
        // In right-to-left lines the text sits on the right of its box: the box ends just left of the bar.
        const textLeft = this.rtl ? x - 4 - (valueRoom - 4) : x + width + 4;
        this.drawLine(line, textLeft, top + ascent(line, style), style);
      }
      this.y = top + height + 2;
    }
    this.y += 8;
  }

  /** Two cells side by side, each in its own direction; the row breaks to a new page as a whole line pair. */
  columns(block: Extract<PdfBlock, { kind: 'columns' }>): void {
    const style = block.style === 'title' ? TITLE : block.style === 'heading' ? HEADING : BODY;
    const width = (this.g.contentWidth - 2 * COLUMN_GAP) / 2;
    const left = this.layout(block.left.text, style, width, 'start', block.left.rtl);
    const right = this.layout(block.right.text, style, width, 'start', block.right.rtl);
    if (block.style !== 'paragraph' && this.y > MARGIN.top) this.y += 6;
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i];
      const r = right[i];
      const height = Math.max(l ? lineHeight(l, style) : 0, r ? lineHeight(r, style) : 0);
      this.ensure(height);
      const baseline = this.y + Math.max(l ? ascent(l, style) : 0, r ? ascent(r, style) : 0);
      if (l) this.drawLine(l, MARGIN.side, baseline, style);
      if (r) this.drawLine(r, MARGIN.side + width + 2 * COLUMN_GAP, baseline, style);
      this.y += height;
    }
    this.y += block.style === 'paragraph' ? 6 : 4;
  }

  qr(block: Extract<PdfBlock, { kind: 'qr' }>): void {
    const size = block.sizeMm * MM;
    const n = block.modules.length;
    const cell = size / n;
    this.ensure(size + lineHeight(undefined, MUTED) + 8);
    const x0 = MARGIN.side + (this.g.contentWidth - size) / 2;
    const y0 = this.y;
    this.doc.fillColor('#000000');
    block.modules.forEach((row, i) =>
      row.forEach((dark, j) => {
        if (dark) this.doc.rect(x0 + j * cell, y0 + i * cell, cell + 0.05, cell + 0.05);
      }),
    );
    this.doc.fill();
    this.y += size + 4;
    this.paragraph(block.caption, MUTED, 4);
  }

  rule(): void {
    this.doc
      .moveTo(MARGIN.side, this.y)
      .lineTo(MARGIN.side + this.g.contentWidth, this.y)
      .lineWidth(0.6)
      .strokeColor('#999999')
      .stroke();
  }

  signature(block: Extract<PdfBlock, { kind: 'signature' }>): void {
    const strings = PDF_STRINGS[this.lang].signature;
    const image = block.drawnPng ? safeSignature(block.drawnPng) : null;
    this.ensure(lineHeight(undefined, LABEL) * 2 + 3 * 24 + 72 + (image?.height ?? 0));
    this.paragraph(block.label, LABEL, 8);
    const valueLeft = this.rtl ? MARGIN.side : MARGIN.side + this.g.labelWidth + COLUMN_GAP;
    const valueWidth = this.g.contentWidth - this.g.labelWidth - COLUMN_GAP;
    const blankRow = (label: string, room: number) => {
      this.y += room; // to write above the line
      const rowTop = this.y;
      this.field(label, null);
      const lineWidth = Math.min(valueWidth, 220);
      const x = this.rtl ? valueLeft + valueWidth - lineWidth : valueLeft;
      const lineY = rowTop + ascent(undefined, LABEL) + 3;
      this.doc
        .moveTo(x, lineY)
        .lineTo(x + lineWidth, lineY)
        .lineWidth(0.7)
        .strokeColor('#777777')
        .stroke();
    };

    if (block.typedName) this.field(strings.name, block.typedName);
    else blankRow(strings.name, 18);

    if (image) {
      this.y += 4;
      const rowTop = this.y;
      this.field(strings.signature, null);
      const x = this.rtl ? valueLeft + valueWidth - image.width : valueLeft;
      this.doc.image(image.png, x, rowTop, { width: image.width, height: image.height });
      this.y = Math.max(this.y, rowTop + image.height + 4);
    } else if (block.drawnPng) {
      blankRow(strings.signature, 36);
      this.paragraph(strings.unreadable, MUTED, 4, this.g.labelWidth + COLUMN_GAP);
    } else if (block.typedName) {
      this.paragraph(strings.typedCounts, MUTED, 4, this.g.labelWidth + COLUMN_GAP);
    } else {
      blankRow(strings.signature, 36);
    }

    if (block.date) this.field(strings.date, block.date);
    else blankRow(strings.date, 18);
  }

  /** The footer text and page number, drawn below the bottom margin of the current page. */
  footer(text: string | undefined, page: number, pages: number): void {
    let y = this.g.pageHeight - MARGIN.bottom + 14;
    const lines = [
      ...(text ? this.layout(text, FOOTER, this.g.contentWidth, 'center') : []),
      ...this.layout(PDF_STRINGS[this.lang].page(page, pages), FOOTER, this.g.contentWidth, 'center'),
    ];
    for (const line of lines) {
      this.drawLine(line, MARGIN.side, y + ascent(line, FOOTER), FOOTER);
      y += lineHeight(line, FOOTER);
    }
  }
}

/**
 * A drawn signature pdfkit can draw without decoding anything itself, or null when the stored image fails
 * the check (one stored before images were checked on upload must not take the process down again).
 */
function safeSignature(png: Buffer): { png: Buffer; width: number; height: number } | null {
  let safe: Buffer;
  try {
    safe = normaliseSignaturePng(png);
  } catch (error) {
    if (error instanceof ImageRejected) return null;
    throw error;
  }
  const width = safe.readUInt32BE(16);
  const height = safe.readUInt32BE(20);
  const scale = Math.min(SIGNATURE_MAX.width / width, SIGNATURE_MAX.height / height);
  return { png: safe, width: width * scale, height: height * scale };
}
