import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/problem.schema';
import ar from './locales/ar.json';
import en from './locales/en.json';
import nl from './locales/nl.json';
import tr from './locales/tr.json';

const SOURCES = [
  path.resolve(import.meta.dirname, '../../server'),
  path.resolve(import.meta.dirname, '../../shared'),
];

/** Every field-error reason the server can send: literal `reason: '…'` or `invalidField(field, '…')` in its code, plus Zod's issue codes. */
function serverReasons(): string[] {
  const found = new Set<string>(['invalid_type', 'too_big', 'too_small', 'invalid_format', 'invalid_value']);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (
        /\.ts$/.test(entry.name) &&
        !/\.test\.ts$/.test(entry.name) &&
        !file.includes(`${path.sep}test${path.sep}`)
      ) {
        for (const m of fs
          .readFileSync(file, 'utf8')
          .matchAll(/(?:reason: |invalidField\(\s*'[^']*',\s*)'([a-z_]+)'/g))
          found.add(m[1]!);
      }
    }
  };
  SOURCES.forEach(walk);
  return [...found].sort();
}

const LOCALES = { nl, en, ar, tr } as Record<
  string,
  { errors: Record<string, string>; fieldErrors: Record<string, string> }
>;

describe('server errors in every UI language', () => {
  it('finds the reasons the server sends (the scan works)', () => {
    expect(serverReasons()).toEqual(expect.arrayContaining(['required', 'wrong_password', 'unknown_term']));
  });

  for (const [language, messages] of Object.entries(LOCALES)) {
    it(`${language} translates every error code`, () => {
      expect(ERROR_CODES.filter((code) => !messages.errors[code])).toEqual([]);
    });
    it(`${language} translates every field-error reason`, () => {
      expect(serverReasons().filter((reason) => !messages.fieldErrors[reason])).toEqual([]);
    });
  }
});
