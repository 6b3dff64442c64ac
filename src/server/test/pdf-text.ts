import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { GlobalWorkerOptions, OPS, VerbosityLevel, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Text of a PDF for tests, in reading order, from the glyphs actually drawn.
 *
 * What pdf.js gives for our (pdfkit) Arabic, and why this does not use its getTextContent():
 * - fontkit draws an Arabic word as glyphs in visual order (right to left reversed), and Noto Naskh draws
 *   dotted letters as a dotless base plus separate dot marks, each mark positioned with its own text matrix.
 *   getTextContent() splits a word into several items at those marks, inserts spaces inside words and
 *   reorders each item with its own bidi guess, so words come out in pieces and out of order.
 * - The dot marks have no Unicode (pdfkit writes an empty ToUnicode entry); pdf.js then reports the raw glyph
 *   code as the character, which can be any character once a font has more than 32 glyphs.
 * - One dotless base glyph stands for several letters (ب ت ث ن ي share their initial form), and pdfkit maps a
 *   glyph to the first letter it drew with it; fontkit even shifts letters between neighbouring glyphs. So
 *   extracted letters are right up to their dots only: compare with normaliseArabic(), which ignores dots.
 *
 * So we read the operator list: every text object (BT…ET) becomes a fragment at its position with the
 * Unicode of its glyphs; in a fragment with Arabic letters only Arabic characters are kept (the rest are the
 * mark codes above). Fragments that touch make a word; a large gap separates columns (label and value).
 * Words are put back in logical order with a word-level bidi: Arabic words are reversed, neutral words
 * (numbers, punctuation) follow their neighbours. A line of a column is right to left if its words are
 * Arabic, left to right if they are Latin or have no letters, and goes the document's way if it mixes.
 */

const require = createRequire(import.meta.url);
// The "fake worker": pdf.js runs its worker code on the main thread in Node.
GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

type Dir = 'L' | 'R';

export interface Fragment {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
const ARABIC_CHAR = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LTR_RUN = /[\p{Nd}\p{Script=Latin}](?:[\p{Nd}\P{Script=Arabic}]*[\p{Nd}\p{Script=Latin}])?/gu;
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
};
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

const mirror = (s: string) => [...s].map((c) => MIRRORED[c] ?? c).join('');
const reverse = (s: string) => [...s].reverse().join('');

/** A glyph drawn, at its left edge on the page, with its advance. */
interface Glyph {
  x: number;
  width: number;
  text: string;
}

/**
 * One fragment per text object, at the baseline of its first text matrix, with its glyphs put in visual
 * order (left to right). Right-to-left runs are written in logical order, glyph by glyph leftwards (see
 * inLogicalOrder in render.ts), so glyphs are placed by following the pen rather than taken as written.
 */
function fragments(fnArray: number[], argsArray: unknown[][]): Fragment[] {
  const result: { fragment: Fragment; glyphs: Glyph[] }[] = [];
  let current: { fragment: Fragment; glyphs: Glyph[] } | null = null;
  let size = 0;
  let pen = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] ?? [];
    switch (fnArray[i]) {
      case OPS.beginText:
        current = null;
        break;
      case OPS.setFont:
        size = Number(args[1]) || size;
        break;
      case OPS.setTextMatrix: {
        const m = Array.from(args.length === 6 ? args : ((args[0] as ArrayLike<number>) ?? []), Number);
        pen = m[4] ?? 0;
        if (current) break;
        current = { fragment: { x: pen, y: m[5] ?? 0, width: 0, size, text: '' }, glyphs: [] };
        result.push(current);
        break;
      }
      case OPS.showText: {
        if (!current) break;
        current.fragment.size = size;
        for (const item of (args[0] as unknown[]) ?? []) {
          if (typeof item === 'number') pen -= (item * size) / 1000;
          else if (item && typeof item === 'object') {
            const glyph = item as { unicode?: string; width?: number };
            const width = ((glyph.width ?? 0) * size) / 1000;
            current.glyphs.push({ x: pen, width, text: glyph.unicode ?? '' });
            pen += width;
          }
        }
        break;
      }
    }
  }
  const out: Fragment[] = [];
  for (const { fragment: f, glyphs } of result) {
    if (glyphs.length > 0) {
      const sorted = [...glyphs].sort((a, b) => a.x - b.x);
      f.x = sorted[0]!.x;
      f.width = Math.max(...sorted.map((g) => g.x + g.width)) - f.x;
      f.text = sorted.map((g) => g.text).join('');
    }
    f.text = [...f.text].filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== '\u007F').join('');
    if (ARABIC_LETTER.test(f.text)) f.text = [...f.text].filter((c) => ARABIC_CHAR.test(c)).join('');
    out.push(f);
  }
  return out.filter((f) => f.text.trim() !== '');
}

const wordDir = (text: string): Dir | null =>
  ARABIC_LETTER.test(text) ? 'R' : LETTER.test(text) ? 'L' : null;

/** A word drawn right to left, back to logical order; Latin and digit runs inside it stay as drawn. */
function unreverse(visual: string): string {
  return mirror(reverse(visual)).replace(LTR_RUN, (run) => mirror(reverse(run)));
}

/** Words of one column, visual order in, logical order out. */
function logicalColumn(words: string[], documentDir: Dir): string {
  const dirs = words.map(wordDir);
  const rightToLeft = dirs.includes('R');
  const base: Dir = rightToLeft && dirs.includes('L') ? documentDir : rightToLeft ? 'R' : 'L';
  const resolved = dirs.map((dir, i): Dir => {
    if (dir) return dir;
    const before = dirs.slice(0, i).findLast((d) => d) ?? base;
    const after = dirs.slice(i + 1).find((d) => d) ?? base;
    return before === after ? before : base;
  });
  const runs: { dir: Dir; words: string[] }[] = [];
  words.forEach((word, i) => {
    const dir = resolved[i]!;
    // Arabic punctuation after a Latin word or number is drawn on its left in a right-to-left line (UAX #9).
    const text =
      dir === 'R' ? unreverse(word) : base === 'R' ? word.replace(/^([،؛؟۔]+)(.+)$/u, '$2$1') : word;
    const last = runs.at(-1);
    if (last && last.dir === dir) last.words.push(text);
    else runs.push({ dir, words: [text] });
  });
  if (base === 'R') runs.reverse();
  return runs.map((run) => (run.dir === 'R' ? [...run.words].reverse() : run.words).join(' ')).join(' ');
}

function lineText(line: Fragment[], documentDir: Dir): string {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  const columns: string[][] = [];
  let previous: Fragment | null = null;
  for (const f of sorted) {
    const gap = previous ? f.x - (previous.x + previous.width) : Infinity;
    const column = columns.at(-1);
    if (column && previous && gap < 0.1 * f.size) column[column.length - 1] += f.text;
    else if (column && gap < 0.6 * f.size) column.push(f.text);
    else columns.push([f.text]);
    previous = f;
  }
  const texts = columns.map((words) => logicalColumn(words, documentDir));
  return (documentDir === 'R' ? texts.reverse() : texts).join(' ');
}

function pageText(fnArray: number[], argsArray: unknown[][], documentDir: Dir): string {
  const lines: Fragment[][] = [];
  for (const f of fragments(fnArray, argsArray).sort((a, b) => b.y - a.y)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - f.y) < 1) line.push(f);
    else lines.push([f]);
  }
  return lines.map((line) => lineText(line, documentDir)).join('\n');
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function withDocument<T>(pdf: Buffer, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

async function eachPage<T>(
  doc: PdfDocument,
  read: (ops: { fnArray: number[]; argsArray: unknown[][] }) => T,
) {
  const pages: T[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
    pages.push(read({ fnArray, argsArray: argsArray as unknown[][] }));
  }
  return pages;
}

/** The text of every page of a PDF, in reading order (see above for what to expect of Arabic). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withDocument(pdf, async (doc) => {
    const { info } = await doc.getMetadata();
    const language = (info as { Language?: string }).Language ?? '';
    const documentDir: Dir = RTL_LANGUAGES.has(language.slice(0, 2).toLowerCase()) ? 'R' : 'L';
    const pages = await eachPage(doc, ({ fnArray, argsArray }) => pageText(fnArray, argsArray, documentDir));
    return pages.join('\n');
  });
}

/**
 * Text objects as drawn (an Arabic word's glyphs left to right, so reversed), with their baseline position
 * in PDF points (origin bottom left), page by page from 1.
 */
export async function pdfFragments(pdf: Buffer): Promise<(Fragment & { page: number })[]> {
  return withDocument(pdf, async (doc) => {
    const pages = await eachPage(doc, ({ fnArray, argsArray }) => fragments(fnArray, argsArray));
    return pages.flatMap((list, i) => list.map((f) => ({ ...f, page: i + 1 })));
  });
}

/** Images drawn, with their size and left edge in PDF points. */
export async function pdfImages(
  pdf: Buffer,
): Promise<{ page: number; x: number; width: number; height: number }[]> {
  return withDocument(pdf, async (doc) => {
    const pages = await eachPage(doc, ({ fnArray, argsArray }) => {
      const images: { x: number; width: number; height: number }[] = [];
      let matrix: number[] = [];
      fnArray.forEach((fn, i) => {
        if (fn === OPS.transform) matrix = Array.from(argsArray[i] ?? [], Number);
        if (fn === OPS.paintImageXObject) {
          images.push({
            x: matrix[4] ?? 0,
            width: Math.abs(matrix[0] ?? 0),
            height: Math.abs(matrix[3] ?? 0),
          });
        }
      });
      return images;
    });
    return pages.flatMap((list, i) => list.map((image) => ({ ...image, page: i + 1 })));
  });
}

/** Metadata of a PDF as pdf.js reads it (Title, Language, …). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, unknown>> {
  return withDocument(pdf, async (doc) => (await doc.getMetadata()).info as Record<string, unknown>);
}

/** A small PNG (a wavy stroke on transparent) to stand in for a drawn signature. */
export function signaturePng(width = 300, height = 90): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer) => {
    let crc = 0xffffffff;
    for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const stride = width * 4 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = Math.abs(y - height / 2 - Math.sin(x / 10) * height * 0.3) < 2;
      raw.set([20, 30, 110, ink ? 255 : 0], y * stride + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6], 8); // 8 bits per channel, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Letters that differ only by their dots, per dotless skeleton (rasm); see the comment at the top.
const SKELETON: [RegExp, string][] = [
  [/[بتثنيىئٮںی]/g, 'ٮ'],
  [/[جحخ]/g, 'ح'],
  [/[دذ]/g, 'د'],
  [/[رز]/g, 'ر'],
  [/[سش]/g, 'س'],
  [/[صض]/g, 'ص'],
  [/[طظ]/g, 'ط'],
  [/[عغ]/g, 'ع'],
  [/[فقڡٯ]/g, 'ڡ'],
  [/[هة]/g, 'ه'],
  [/[وؤ]/g, 'و'],
  [/[اأإآٱ]/g, 'ا'],
  [/[كک]/g, 'ك'],
];

/**
 * Text in a form where what we print and what we extract compare equal: NFKC (presentation forms back to
 * letters), no tatweel or diacritics, hamza and alef variants unified, Arabic letters reduced to their
 * dotless skeleton (extraction cannot tell ب from ت or ي, see above), whitespace collapsed. Latin text only
 * has its whitespace collapsed.
 */
export function normaliseArabic(s: string): string {
  let out = s
    .normalize('NFKC')
    .replace(/\u0640/g, '')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '');
  for (const [letters, skeleton] of SKELETON) out = out.replace(letters, skeleton);
  return out.replace(/\s+/g, ' ').trim();
}
