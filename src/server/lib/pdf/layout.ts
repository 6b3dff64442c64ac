/**
 * Line layout for mixed Latin/Arabic text, independent of pdfkit so it can be reasoned about on its own.
 *
 * pdfkit lays a line out word by word in logical order, which puts Arabic words in the wrong order, and a
 * font only covers one script. So we break text into words, words into pieces of one font, wrap lines
 * ourselves and order words visually with a word-level simplification of the Unicode bidi algorithm:
 * every word is left-to-right, right-to-left or neutral (numbers, punctuation), neutrals take the
 * direction of their neighbours when both agree and the line's otherwise. Shaping of an Arabic piece
 * (and reversing its glyphs) is left to fontkit.
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

/** A piece ready to draw: mirrored where needed, at x relative to the word's left edge. */
export interface PlacedPiece {
  text: string;
  script: Script;
  x: number;
}

export interface PlacedWord {
  text: string;
  /** Left edge, relative to the left edge of the text box. */
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
const MIRRORED: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

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

/** Neutral words take their neighbours' direction when both sides agree, else the line's. */
function resolveDirections(words: Word[], base: Dir): Dir[] {
  return words.map((word, i) => {
    if (word.dir) return word.dir;
    const before = words.slice(0, i).findLast((w) => w.dir)?.dir ?? base;
    const after = words.slice(i + 1).find((w) => w.dir)?.dir ?? base;
    return before === after ? before : base;
  });
}

/** Word indices left to right: runs of one direction, reversed inside right-to-left runs. */
function visualOrder(dirs: Dir[], base: Dir): number[] {
  const runs: { dir: Dir; indices: number[] }[] = [];
  dirs.forEach((dir, i) => {
    const last = runs.at(-1);
    if (last && last.dir === dir) last.indices.push(i);
    else runs.push({ dir, indices: [i] });
  });
  if (base === 'rtl') runs.reverse();
  return runs.flatMap((run) => (run.dir === 'rtl' ? [...run.indices].reverse() : run.indices));
}

function placePieces(word: Word, dir: Dir): PlacedPiece[] {
  const ordered = dir === 'rtl' ? [...word.pieces].reverse() : word.pieces;
  let x = 0;
  return ordered.map((piece) => {
    // fontkit lays any Arabic-script run out right to left, digits too, so it gets Arabic digits reversed.
    const text = ARABIC_DIGITS.test(piece.text)
      ? [...piece.text].reverse().join('')
      : dir === 'rtl' && piece.script === 'latin'
        ? (MIRRORED[piece.text] ?? piece.text)
        : piece.text;
    const placed = { text, script: piece.script, x };
    x += piece.width;
    return placed;
  });
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
  const dirs = resolveDirections(words, base);
  const width = words.reduce((sum, w) => sum + w.width, 0) + o.spaceWidth * (words.length - 1);
  let x = o.align === 'center' ? (o.width - width) / 2 : o.rtlDocument ? o.width - width : 0;
  const placed: PlacedWord[] = new Array<PlacedWord>(words.length);
  for (const i of visualOrder(dirs, base)) {
    const word = words[i]!;
    placed[i] = {
      text: word.text,
      x,
      pieces: placePieces(word, dirs[i]!),
      hasArabic: word.pieces.some((p) => p.script === 'arabic'),
    };
    x += word.width + o.spaceWidth;
  }
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
