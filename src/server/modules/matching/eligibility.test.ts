import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * cases.service assigns counsellors and withdraws offers through matching/eligibility.ts, while
 * matching.service loads cases through cases.service. The two services must not import each other, directly or
 * through other files (issue 10): an import circle makes module initialisation order matter.
 */
const SERVER = join(import.meta.dirname, '..', '..');

/** The files a source file imports at run time (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'(\.[^']+)';/gm)) {
    const names = /^\{([^}]*)\}$/.exec(m[1]!.trim());
    const onlyTypes =
      names !== null &&
      names[1]!
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .every((x) => x.startsWith('type '));
    if (onlyTypes) continue;
    const target = join(dirname(file), m[2]!.replace(/\.js$/, '.ts'));
    if (existsSync(target)) out.push(target);
  }
  return out;
}

function reachable(from: string): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length) {
    for (const next of runtimeImports(todo.pop()!)) {
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return new Set([...seen].map((f) => relative(SERVER, f)));
}

describe('cases and matching', () => {
  it('cases.service does not reach matching.service', () => {
    expect(reachable(join(SERVER, 'modules/cases/cases.service.ts'))).not.toContain(
      'modules/matching/matching.service.ts',
    );
  });

  it('eligibility.ts reaches nothing in modules/cases', () => {
    const inCases = [...reachable(join(SERVER, 'modules/matching/eligibility.ts'))].filter((f) =>
      f.startsWith('modules/cases/'),
    );
    expect(inCases).toEqual([]);
  });

  it('would see the circle the old import made', () => {
    expect(reachable(join(SERVER, 'modules/matching/matching.service.ts'))).toContain(
      'modules/cases/cases.service.ts',
    );
  });
});
