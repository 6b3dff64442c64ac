import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import circles (issue 10): a module that imports another which imports it back runs half-initialised in
 * whichever order Node loads them, and the two can no longer be read or changed apart. Type-only imports
 * vanish at run time and are not counted.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const target = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((candidate) =>
    existsSync(candidate),
  );
}

function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...read(file).matchAll(IMPORT)].flatMap((match) => {
      const target = resolveImport(file, match[1]!);
      return target ? [target] : [];
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan), each a circle of imports. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  it('form no circle anywhere in src', () => {
    const files = sources(ROOT);
    const graph = importGraph(files, (file) => readFileSync(file, 'utf8'));
    expect(files.length).toBeGreaterThan(300);
    expect([...graph.values()].flat().length).toBeGreaterThan(1000);
    expect(circles(graph).map((circle) => circle.map((file) => relative(ROOT, file)))).toEqual([]);
  });

  it('a circle through three files is found, and a type-only import is not one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
    const read = (file: string) =>
      file.endsWith('x.ts')
        ? "import type { Y } from './y.js';\nimport { z } from './z.js';"
        : "import { x, type X } from './x.js';";
    const x = join(ROOT, 'server', 'x.ts');
    const imports = [...read(x).matchAll(IMPORT)].map((match) => match[1]);
    expect(imports).toEqual(['./z.js']);
    expect([...read('y.ts').matchAll(IMPORT)].map((match) => match[1])).toEqual(['./x.js']);
  });
});
