import bidiFactory from 'bidi-js';

/**
 * Line layout for mixed Latin/Arabic text, independent of pdfkit so it can be reasoned about on its own.
 *
 * pdfkit lays a line out word by word in logical order, which puts Arabic words in the wrong order, and a
 * font only covers one script. So we break text into words, words into pieces of one font, wrap lines
 * ourselves and order the pieces visually with the Unicode bidi algorithm (UAX #9, by bidi-js): every piece
 * takes the embedding level resolved for its characters, and pieces and the spaces between words are
 * reordered by level (rule L2), mirrored (L4) at odd levels. Shaping of an Arabic piece (and reversing its
 * glyphs) is left to fontkit.
 */

export type Script = 'arabic' | 'latin';
type Dir = 'ltr' | 'rtl';

/** A stretch of one font inside a word, in logical order. */
export interface Piece {
  text: string;
  script: Script;
  width: number;
}

export interface Word {
  text: string;
  pieces: Piece[];
  /** Strong direction of the word's letters; null for numbers and punctuation. */
  dir: Dir | null;
  width: number;
}

/** A piece ready to draw: mirrored where needed, at x relative to the word's x. */
export interface PlacedPiece {
  text: string;
  script: Script;
  x: number;
}

export interface PlacedWord {
  text: string;
  /**
   * Left edge of its leftmost piece, relative to the left edge of the text box. A word's pieces are not always
   * side by side: a bracket can end up on the other side of a run of the other direction.
   */
  x: number;
  /** In visual order, left to right. */
  pieces: PlacedPiece[];
  hasArabic: boolean;
}

export interface Line {
  /** In logical order, so that text extraction reads them in reading order. */
  words: PlacedWord[];
  width: number;
  hasArabic: boolean;
}

export type Measure = (text: string, script: Script) => number;

export interface LayoutOptions {
  width: number;
  rtlDocument: boolean;
  align?: 'start' | 'center';
  measure: Measure;
  spaceWidth: number;
}

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
const STRONG_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const ARABIC_DIGITS = /^[\u0660-\u0669\u06F0-\u06F9]+$/u;
const bidi = bidiFactory();

/**
 * Bidi control marks (Intl output for Arabic has them) and other control characters would draw as boxes;
 * odd spaces become plain ones.
 */
export function cleanText(text: string): string {
  const spaced = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(ODD_SPACES, ' ');
  return [...spaced]
    .filter((c) => c === '\n' || ((c.codePointAt(0) ?? 0) >= 0x20 && c !== '\u007F'))
    .join('');
}

/** Characters drawn with the Arabic font: the Arabic blocks and presentation forms, Arabic digits included. */
export function isArabicFontChar(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** Splits a word into runs of one font; a Latin run is split further so its edge punctuation can mirror. */
function splitPieces(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    const joiner = cp === 0x200c || cp === 0x200d;
    const script: Script = joiner
      ? (runs.at(-1)?.script ?? 'arabic')
      : isArabicFontChar(cp)
        ? 'arabic'
        : 'latin';
    const last = runs.at(-1);
    if (last && last.script === script) last.text += ch;
    else runs.push({ text: ch, script });
  }
  return runs.flatMap((run) => (run.script === 'latin' ? splitEdges(run.text) : splitDigits(run.text)));
}

/** Arabic-Indic digits in an Arabic run get their own piece: they read left to right (see placePieces). */
function splitDigits(text: string): { text: string; script: Script }[] {
  return (text.match(/[\u0660-\u0669\u06F0-\u06F9]+|[^\u0660-\u0669\u06F0-\u06F9]+/gu) ?? []).map((t) => ({
    text: t,
    script: 'arabic' as const,
  }));
}

/** "(2026-03-02)," → "(", "2026-03-02", ")", "," — separators inside a number or name stay with it. */
function splitEdges(text: string): { text: string; script: Script }[] {
  const chars = [...text];
  const first = chars.findIndex((c) => STRONG_OR_DIGIT.test(c));
  if (first < 0) return chars.map((c) => ({ text: c, script: 'latin' }));
  const last = chars.findLastIndex((c) => STRONG_OR_DIGIT.test(c));
  return [
    ...chars.slice(0, first).map((c) => ({ text: c, script: 'latin' as const })),
    { text: chars.slice(first, last + 1).join(''), script: 'latin' as const },
    ...chars.slice(last + 1).map((c) => ({ text: c, script: 'latin' as const })),
  ];
}

function makeWord(text: string, measure: Measure): Word {
  const pieces = splitPieces(text).map((p) => ({ ...p, width: measure(p.text, p.script) }));
  const dir = ARABIC_LETTER.test(text) ? 'rtl' : LETTER.test(text) ? 'ltr' : null;
  return { text, pieces, dir, width: pieces.reduce((sum, p) => sum + p.width, 0) };
}

/** A word wider than the line (a long e-mail address, say) is cut into pieces that fit. */
function fitWord(word: Word, width: number, measure: Measure): Word[] {
  if (word.width <= width) return [word];
  const parts: Word[] = [];
  let current = '';
  for (const ch of word.text) {
    if (current && makeWord(current + ch, measure).width > width) {
      parts.push(makeWord(current, measure));
      current = '';
    }
    current += ch;
  }
  if (current) parts.push(makeWord(current, measure));
  return parts;
}

function wrap(words: Word[], width: number, spaceWidth: number): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    const extra = line.length > 0 ? spaceWidth + word.width : word.width;
    if (line.length > 0 && used + extra > width) {
      lines.push(line);
      line = [word];
      used = word.width;
    } else {
      line.push(word);
      used += extra;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** A piece or the space between two words, with its embedding level. */
interface Unit {
  level: number;
  width: number;
  piece: { word: number; text: string; script: Script } | null;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function reorder<T extends { level: number }>(units: T[]): T[] {
  const out = [...units];
  const levels = out.map((u) => u.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i]!.level < level) continue;
      let end = i;
      while (end + 1 < out.length && out[end + 1]!.level >= level) end++;
      out.splice(i, end - i + 1, ...out.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return out;
}

/** What to hand to the font for a piece at a level: mirrored at an odd level, Arabic digits reversed. */
function drawnText(piece: Piece, level: number): string {
  // fontkit lays any Arabic-script run out right to left, digits too, so it gets Arabic digits reversed.
  if (ARABIC_DIGITS.test(piece.text)) return [...piece.text].reverse().join('');
  if (level % 2 === 1 && piece.script === 'latin' && [...piece.text].length === 1) {
    return bidi.getMirroredCharacter(piece.text) ?? piece.text;
  }
  return piece.text;
}

/**
 * A line's base direction: the one of its letters if they are all of one script, the document's if they mix
 * (so a Dutch name in an Arabic sentence reads as part of it), left to right without letters (dates, phone
 * numbers). Deciding per line rather than per paragraph keeps the rule simple enough to read back.
 */
function baseDirection(words: Word[], rtlDocument: boolean): Dir {
  const rtl = words.some((w) => w.dir === 'rtl');
  const ltr = words.some((w) => w.dir === 'ltr');
  if (rtl && ltr) return rtlDocument ? 'rtl' : 'ltr';
  return rtl ? 'rtl' : 'ltr';
}

function placeLine(words: Word[], o: LayoutOptions): Line {
  const base = baseDirection(words, o.rtlDocument);
  const { levels } = bidi.getEmbeddingLevels(words.map((w) => w.text).join(' '), base);
  const units: Unit[] = [];
  let offset = 0;
  words.forEach((word, w) => {
    if (w > 0) units.push({ level: levels[offset++] ?? 0, width: o.spaceWidth, piece: null });
    for (const piece of word.pieces) {
      // A piece's level is that of its first letter or digit: its punctuation goes with it.
      const chars = [...piece.text];
      const strong = Math.max(
        0,
        chars.findIndex((c) => STRONG_OR_DIGIT.test(c)),
      );
      const level = levels[offset + chars.slice(0, strong).join('').length] ?? 0;
      units.push({
        level,
        width: piece.width,
        piece: { word: w, text: drawnText(piece, level), script: piece.script },
      });
      offset += piece.text.length;
    }
  });
  const width = words.reduce((sum, w) => sum + w.width, 0) + o.spaceWidth * (words.length - 1);
  let x = o.align === 'center' ? (o.width - width) / 2 : o.rtlDocument ? o.width - width : 0;
  const drawn: { word: number; text: string; script: Script; x: number }[] = [];
  for (const unit of reorder(units)) {
    if (unit.piece) drawn.push({ ...unit.piece, x });
    x += unit.width;
  }
  const placed = words.map((word, w): PlacedWord => {
    const own = drawn.filter((p) => p.word === w);
    const left = Math.min(...own.map((p) => p.x));
    return {
      text: word.text,
      x: left,
      pieces: own.map((p) => ({ text: p.text, script: p.script, x: p.x - left })),
      hasArabic: word.pieces.some((p) => p.script === 'arabic'),
    };
  });
  return { words: placed, width, hasArabic: placed.some((w) => w.hasArabic) };
}

/**
 * Lays out text (which may contain line breaks) into lines no wider than `options.width`, each in its base
 * direction (see baseDirection); alignment follows the document.
 */
export function layoutText(text: string, options: LayoutOptions): Line[] {
  const lines: Line[] = [];
  const paragraphs = cleanText(text).trim().split('\n');
  for (const paragraph of paragraphs) {
    const words = paragraph
      .split(' ')
      .filter((w) => w.length > 0)
      .flatMap((w) => fitWord(makeWord(w, options.measure), options.width, options.measure));
    if (words.length === 0) {
      if (paragraphs.length > 1) lines.push({ words: [], width: 0, hasArabic: false });
      continue;
    }
    for (const chunk of wrap(words, options.width, options.spaceWidth)) lines.push(placeLine(chunk, options));
  }
  return lines;
}
