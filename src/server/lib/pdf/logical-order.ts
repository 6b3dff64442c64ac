/** Arabic glyphs drawn in reading order, so that text extractors give words, not reversed letters. */

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

type Encode = (text: string, features?: unknown) => [string[], GlyphPosition[]];

/**
 * Draws with the current font's glyphs written in logical order (first letter first, right to left) rather
 * than in the visual order fontkit lays them out in. Every glyph keeps its place on the page, but text
 * extractors (pdftotext, pdf.js), which read a run of glyphs moving leftwards as right-to-left text, then give
 * the words in reading order instead of letter-reversed.
 */
export function inLogicalOrder(doc: PDFKit.PDFDocument, draw: () => void): void {
  const font = (doc as unknown as { _font: { encode: Encode } })._font;
  const encode = font.encode;
  font.encode = (text, features) => {
    const [glyphs, positions] = encode.call(font, text, features);
    let pen = 0;
    const placed = positions.map((pos, i) => {
      // pdfkit writes a glyph with an offset at its own text matrix, at the pen plus the offset; with no
      // advance the pen stays at the start of the run, so the offset is the glyph's place in the run.
      const glyph = {
        glyph: glyphs[i]!,
        pos: { ...pos, xAdvance: 0, xOffset: pen + pos.xOffset, yOffset: pos.yOffset || 1e-9 },
      };
      pen += pos.xAdvance;
      return glyph;
    });
    placed.reverse();
    return [placed.map((p) => p.glyph), placed.map((p) => p.pos)];
  };
  try {
    draw();
  } finally {
    font.encode = encode;
  }
}
