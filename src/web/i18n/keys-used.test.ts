import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CounsellorProfileUpdateSchema } from '../../shared/counsellors.schema';
import { MatchingWeightsSchema } from '../../shared/matching.schema';
import { PartnerCreateSchema } from '../../shared/partners.schema';
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

/**
 * The audit log shows which fields an entry changed, by the codes the server wrote. Every code the server
 * names literally (`changedFields: ['a', 'b']`, `changed.push('c')`, `const changed = ['d']`) has a label, so
 * a privacy officer never reads a raw code in English; codes built from input keys are listed in the locales
 * by hand.
 */
describe('field labels of the audit log', () => {
  const SERVER = join(WEB, '..', 'server');
  const AUDITED = /changedFields:|changed\.push\(|const changed = \[/;

  function fieldCodes(): Map<string, string> {
    const codes = new Map<string, string>();
    for (const path of sources(SERVER)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!AUDITED.test(line)) continue;
        // Leave out the entry's other literals (action: 'x', entity: 'y') and comparisons (k !== 'requestId').
        const fields = line.replace(/\b\w+:\s*'[^']*'/g, '').replace(/[!=]==?\s*'[^']*'/g, '');
        for (const m of fields.matchAll(/'([a-zA-Z_]+)'/g)) codes.set(m[1]!, relative(SERVER, path));
      }
    }
    return codes;
  }

  it('has a label for every field code the server writes', () => {
    const codes = fieldCodes();
    expect(codes.size).toBeGreaterThan(60);
    expect(codes.has('age_band')).toBe(true);
    expect(codes.has('case')).toBe(false);
    const missing = [...codes].filter(([code]) => !resolves(`logLabels.fields.${code}`));
    expect(missing.map(([code, path]) => `${path}: ${code}`)).toEqual([]);
  });

  it('has a label for every request key the server writes as a field code', () => {
    // counsellors.service (a profile's changed keys), partners.service (a new partner's keys) and
    // matching.service (the weights) audit the keys of these requests as they came.
    const keys = [CounsellorProfileUpdateSchema, PartnerCreateSchema, MatchingWeightsSchema].flatMap(
      (schema) => Object.keys(schema.shape),
    );
    expect(keys).toContain('homeMunicipalityId');
    expect(keys.filter((key) => !resolves(`logLabels.fields.${key}`))).toEqual([]);
  });
});
