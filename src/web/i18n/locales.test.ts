import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import en from './locales/en.json';
import nl from './locales/nl.json';
import tr from './locales/tr.json';

/** Flattens nested translations (objects and arrays) to dotted keys. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) result.set(path, leaf);
    }
  } else {
    result.set(prefix, value);
  }
  return result;
}

const reference = flatten(nl);
const others = { en: flatten(en), ar: flatten(ar), tr: flatten(tr) };

describe('locales', () => {
  it('has a non-trivial Dutch reference', () => {
    expect(reference.size).toBeGreaterThan(100);
  });

  for (const [language, keys] of Object.entries(others)) {
    it(`${language} has every Dutch key`, () => {
      expect([...reference.keys()].filter((key) => !keys.has(key))).toEqual([]);
    });

    it(`${language} has no key that Dutch lacks`, () => {
      expect([...keys.keys()].filter((key) => !reference.has(key))).toEqual([]);
    });

    it(`${language} keeps the same interpolation variables`, () => {
      const vars = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const mismatched = [...reference.entries()].filter(([key, text]) => {
        return keys.has(key) && JSON.stringify(vars(text)) !== JSON.stringify(vars(keys.get(key)));
      });
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  }

  for (const [language, keys] of Object.entries({ nl: reference, ...others })) {
    it(`${language} has no empty values`, () => {
      const empty = [...keys.entries()].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
      expect(empty.map(([key]) => key)).toEqual([]);
    });
  }
});
