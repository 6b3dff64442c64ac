import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Who may do what is decided in one place per module: its `*.policy.ts`. A role compared anywhere else
 * (a service, a route, a page, the navigation) is a second copy of a rule, and copies drift apart.
 * The web learns what to offer from the abilities the server sends (auth/abilities.ts).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const ROLE = `'(?:admin|coordinator|counsellor|analyst|privacy_officer)'`;
const PATTERNS: readonly RegExp[] = [
  new RegExp(`\\brole\\s*[!=]==?\\s*${ROLE}`), // actor.role === 'admin'
  new RegExp(`${ROLE}\\s*[!=]==?\\s*[\\w.?]*\\brole\\b`), // 'admin' === actor.role
  /\broles=\{\[/, // <RequireRole roles={['admin']}>
  /\.includes\(\s*[\w.?]*\.role\s*\)/, // ['admin', 'coordinator'].includes(actor.role)
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function roleChecks(): string[] {
  return [...sources(join(ROOT, 'server')), ...sources(join(ROOT, 'web'))]
    .filter((path) => !path.endsWith('.policy.ts') && !path.endsWith('lib/authorize.ts'))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          PATTERNS.some((p) => p.test(line)) ? [`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
}

describe('role checks', () => {
  it('live only in policy files', () => {
    expect(roleChecks()).toEqual([]);
  });

  it('would be caught in a service or a page', () => {
    const samples = [
      "if (ctx.actor.role !== 'admin') throw new AppError('forbidden');",
      "const canSearch = session.user.role === 'coordinator';",
      "<RequireRole roles={['admin']}>",
      "if (['admin', 'coordinator'].includes(actor.role)) {",
    ];
    for (const sample of samples) expect(PATTERNS.some((p) => p.test(sample))).toBe(true);
  });
});
