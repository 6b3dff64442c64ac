import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from './locales/nl.json';

/**
 * Every literal key the web asks for exists in the Dutch reference (locales.test.ts keeps the other three
 * in step with Dutch), so a typo or a forgotten translation fails the suite instead of showing a raw key.
 * Keys built at run time (`t(\`status.${s}\`)`) are checked where their parts are enumerable, by the
 * feature's own tests.
 */
const WEB = join(import.meta.dirname, '..');
const CALL = /\bt\(\s*'([a-zA-Z0-9_.]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function resolves(key: string): boolean {
  let node: unknown = nl;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

/** i18next plurals: `t('x.count', { count })` reads `count_one` / `count_other`. */
function withPlurals(key: string): boolean {
  return resolves(key) || resolves(`${key}_one`) || resolves(`${key}_other`);
}

describe('translation keys used by the web', () => {
  it('all exist in the Dutch reference', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const path of sources(WEB)) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(CALL)) {
        seen++;
        if (!withPlurals(m[1]!)) missing.push(`${relative(WEB, path)}: ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('tells a missing key from a present one, plurals included', () => {
    expect(withPlurals('nav.home')).toBe(true);
    expect(withPlurals('nav.hom')).toBe(false);
    expect(withPlurals('nav')).toBe(true);
  });
});
