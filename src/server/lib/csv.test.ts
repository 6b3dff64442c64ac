import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

/** A small RFC 4180 reader, to check that what we write reads back as what we meant. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "nee"')).toBe('"zei ""nee"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const out = csvField(evil);
      expect(out.replace(/^"/, '').startsWith("'"), out).toBe(true);
    }
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('2026-0001')).toBe('2026-0001');
  });

  it('ends records in CRLF and starts with a byte-order mark', () => {
    expect(toCsv(['a', 'b'], [['1', 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  it('reads back every text exactly (apart from the apostrophe before a formula)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const width = Math.max(1, ...rows.map((r) => r.length));
          const square = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
          const header = Array.from({ length: width }, (_, i) => `h${i}`);
          const back = parse(toCsv(header, square));
          expect(back[0]).toEqual(header);
          const expected = square.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(back.slice(1)).toEqual(expected);
        },
      ),
    );
  });
});
