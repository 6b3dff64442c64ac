import { describe, expect, it } from 'vitest';
import { cleanText, layoutText, type Line, type LayoutOptions } from './layout.js';

// Every character is one unit wide, a space too: positions can be checked by hand.
const options = (rtlDocument: boolean, width = 100): LayoutOptions => ({
  width,
  rtlDocument,
  spaceWidth: 1,
  measure: (text) => [...text].length,
});

/** What a line shows from left to right: pieces that touch joined by |, a space between words. */
const visual = (line: Line) => {
  const pieces = line.words
    .flatMap((w) => w.pieces.map((p) => ({ text: p.text, x: w.x + p.x })))
    .sort((a, b) => a.x - b.x);
  const shown: string[] = [];
  let end = -Infinity;
  for (const p of pieces) {
    if (p.x === end) shown[shown.length - 1] += `|${p.text}`;
    else shown.push(p.text);
    end = p.x + [...p.text].length;
  }
  return shown;
};
const only = (lines: Line[]) => {
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('layoutText', () => {
  it('puts Latin text left to right, from the left edge, in a left-to-right document', () => {
    const line = only(layoutText('Stichting Vangnet Rotterdam', options(false)));
    expect(visual(line)).toEqual(['Stichting', 'Vangnet', 'Rotterdam']);
    expect(line.words[0]!.x).toBe(0);
  });

  it('puts Arabic words right to left and right-aligns them in an Arabic document', () => {
    const line = only(layoutText('يمكنك سحب موافقتك', options(true)));
    expect(visual(line)).toEqual(['موافقتك', 'سحب', 'يمكنك']);
    const first = line.words[0]!;
    expect(first.x + [...first.text].length).toBe(100);
    // Logical order is kept for drawing, so text extraction reads the words in reading order.
    expect(line.words.map((w) => w.text)).toEqual(['يمكنك', 'سحب', 'موافقتك']);
  });

  it('keeps a Dutch name left to right inside an Arabic sentence', () => {
    const line = only(layoutText('مركز الرعاية (Zorg- en Veiligheidshuis) في روتردام', options(true)));
    expect(visual(line)).toEqual(['روتردام', 'في', '(|Zorg|-', 'en', 'Veiligheidshuis|)', 'الرعاية', 'مركز']);
  });

  it('reads numbers with their Arabic neighbours and a bare phone number left to right', () => {
    expect(visual(only(layoutText('2 مارس 2026', options(true))))).toEqual(['2026', 'مارس', '2']);
    expect(visual(only(layoutText('+31 6 12345678', options(true))))).toEqual(['+|31', '6', '12345678']);
  });

  it('keeps Arabic-Indic digits left to right (fontkit reverses them, so they are handed over reversed)', () => {
    const line = only(layoutText('رقم ٢٠٢٦', options(true)));
    expect(visual(line)).toEqual(['٦٢٠٢', 'رقم']);
  });

  it('lays an Arabic note out right to left in a Dutch document, starting at the left edge', () => {
    const line = only(layoutText('ابني يتدرب كل أسبوع', options(false)));
    expect(visual(line)).toEqual(['أسبوع', 'كل', 'يتدرب', 'ابني']);
    expect(Math.min(...line.words.map((w) => w.x))).toBe(0);
  });

  it('mirrors brackets around Arabic and uses the Arabic font only for Arabic characters', () => {
    const line = only(layoutText('(مثال) Stichting،', options(false)));
    const [example, name] = line.words;
    expect(example!.pieces.map((p) => [p.text, p.script])).toEqual([
      ['(', 'latin'],
      ['مثال', 'arabic'],
      [')', 'latin'],
    ]);
    expect(name!.pieces.map((p) => [p.text, p.script])).toEqual([
      ['Stichting', 'latin'],
      ['،', 'arabic'],
    ]);
  });

  it('wraps lines to the width and cuts a word that is longer than a line', () => {
    const lines = layoutText(`een twee drie vier vijf zes ${'x'.repeat(25)}`, options(false, 12));
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(12);
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual([
      'een twee',
      'drie vier',
      'vijf zes',
      'x'.repeat(12),
      'x'.repeat(12),
      'x',
    ]);
  });

  it('keeps line breaks and centres when asked', () => {
    const lines = layoutText('eerste\n\ntweede', { ...options(true, 20), align: 'center' });
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['eerste', '', 'tweede']);
    expect(lines[0]!.words[0]!.x).toBe(7);
  });
});

describe('cleanText', () => {
  it('drops bidi marks and control characters, and turns odd spaces into plain ones', () => {
    expect(cleanText('\u200F2\u00A0مارس\u202F2026\u200E')).toBe('2 مارس 2026');
    expect(cleanText('een\ttwee\u0007\r\ndrie')).toBe('een twee\ndrie');
  });
});
