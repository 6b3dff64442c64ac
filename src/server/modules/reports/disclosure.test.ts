import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectTable, type ProtectedTable, type PublishedCount } from './disclosure';

/**
 * An attacker's view, written independently of the suppression algorithm: every published number is known,
 * and the table's equations (each row sums to its total, each column to its total, totals to the grand total)
 * are solved by Gaussian elimination. A hidden count is recomputable exactly when its column of the system
 * is not a combination of the other hidden counts' columns (rank drops without it).
 */
function recomputable(counts: number[][], published: ProtectedTable): string[] {
  const m = counts.length;
  const n = counts[0]!.length;
  // Variables: x_ij (m*n), R_i (m), C_j (n), G (1).
  const cell = (i: number, j: number) => i * n + j;
  const rowTotal = (i: number) => m * n + i;
  const columnTotal = (j: number) => m * n + m + j;
  const grand = m * n + m + n;
  const variables = grand + 1;
  const equations: number[][] = [];
  const equation = (terms: Array<[number, number]>) => {
    const row = new Array<number>(variables).fill(0);
    for (const [variable, coefficient] of terms) row[variable] = coefficient;
    equations.push(row);
  };
  for (let i = 0; i < m; i++)
    equation([
      ...Array.from({ length: n }, (_, j) => [cell(i, j), 1] as [number, number]),
      [rowTotal(i), -1],
    ]);
  for (let j = 0; j < n; j++)
    equation([
      ...Array.from({ length: m }, (_, i) => [cell(i, j), 1] as [number, number]),
      [columnTotal(j), -1],
    ]);
  equation([...Array.from({ length: m }, (_, i) => [rowTotal(i), 1] as [number, number]), [grand, -1]]);
  equation([...Array.from({ length: n }, (_, j) => [columnTotal(j), 1] as [number, number]), [grand, -1]]);

  const hidden: Array<{ variable: number; name: string }> = [];
  const isHidden = (count: PublishedCount) => count.kind === 'suppressed';
  published.cells.forEach((row, i) =>
    row.forEach((c, j) => isHidden(c) && hidden.push({ variable: cell(i, j), name: `cell ${i},${j}` })),
  );
  published.rowTotals.forEach(
    (c, i) => isHidden(c) && hidden.push({ variable: rowTotal(i), name: `row ${i}` }),
  );
  published.columnTotals.forEach(
    (c, j) => isHidden(c) && hidden.push({ variable: columnTotal(j), name: `column ${j}` }),
  );
  if (isHidden(published.total)) hidden.push({ variable: grand, name: 'total' });

  const rank = (columns: number[]) => {
    const matrix = equations.map((row) => columns.map((c) => row[c]!));
    let r = 0;
    for (let c = 0; c < columns.length && r < matrix.length; c++) {
      const pivot = matrix.findIndex((row, index) => index >= r && Math.abs(row[c]!) > 1e-9);
      if (pivot === -1) continue;
      [matrix[r], matrix[pivot]] = [matrix[pivot]!, matrix[r]!];
      for (let k = 0; k < matrix.length; k++) {
        if (k === r) continue;
        const factor = matrix[k]![c]! / matrix[r]![c]!;
        if (factor !== 0) matrix[k] = matrix[k]!.map((value, index) => value - factor * matrix[r]![index]!);
      }
      r++;
    }
    return r;
  };
  const all = hidden.map((h) => h.variable);
  const full = rank(all);
  return hidden.filter((h) => rank(all.filter((v) => v !== h.variable)) < full).map((h) => h.name);
}

function everyCount(table: ProtectedTable): PublishedCount[] {
  return [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
}

function truth(counts: number[][]): number[] {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = counts[0]!.map((_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  return [...counts.flat(), ...rowTotals, ...columnTotals, rowTotals.reduce((a, b) => a + b, 0)];
}

// Helpline tables are mostly small numbers with a few large ones.
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 3 },
  fc.integer({ min: 0, max: 60 }),
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );
const threshold = fc.integer({ min: 3, max: 10 });

describe('protectTable', () => {
  it('never publishes a count below the threshold, and publishes the others as they are', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const published = everyCount(protectTable(counts, { threshold: t, roundToFive: false }));
        const actual = truth(counts);
        published.forEach((p, index) => {
          if (p.kind === 'count') {
            expect(p.value).toBeGreaterThanOrEqual(t);
            expect(p.value).toBe(actual[index]);
          } else {
            expect(p.reason).toBe(actual[index]! < t ? 'below_threshold' : 'protects_other');
          }
        });
        actual.forEach((value, index) => {
          if (value < t) expect(published[index]!.kind).toBe('suppressed');
        });
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no hidden count that can be solved for from what is published', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        expect(recomputable(counts, protectTable(counts, { threshold: t, roundToFive: false }))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the attacker is real: hiding only the small counts leaves some of them solvable', () => {
    // One small count in a row and column of large ones: the totals give it away without secondary suppression.
    const counts = [
      [2, 10],
      [10, 10],
    ];
    const naive: ProtectedTable = {
      cells: counts.map((row) =>
        row.map((v) =>
          v < 5 ? { kind: 'suppressed', reason: 'below_threshold' } : { kind: 'count', value: v },
        ),
      ),
      rowTotals: [
        { kind: 'count', value: 12 },
        { kind: 'count', value: 20 },
      ],
      columnTotals: [
        { kind: 'count', value: 12 },
        { kind: 'count', value: 20 },
      ],
      total: { kind: 'count', value: 32 },
    };
    expect(recomputable(counts, naive)).toEqual(['cell 0,0']);
    const safe = protectTable(counts, { threshold: 5, roundToFive: false });
    expect(safe.cells[0]![0]).toEqual({ kind: 'suppressed', reason: 'below_threshold' });
    expect(everyCount(safe).filter((p) => p.kind === 'suppressed').length).toBeGreaterThanOrEqual(4);
  });

  it('hides a second count in a one-column report, preferring a small one to the grand total', () => {
    const published = protectTable([[3], [40], [6], [25]], { threshold: 5, roundToFive: false });
    expect(published.cells.map(([c]) => c!.kind)).toEqual(['suppressed', 'count', 'suppressed', 'count']);
    expect(published.total).toEqual({ kind: 'count', value: 74 });
  });

  it('rounds published counts to the nearest five when asked, and still hides the small ones', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const published = everyCount(protectTable(counts, { threshold: t, roundToFive: true }));
        const actual = truth(counts);
        published.forEach((p, index) => {
          if (p.kind === 'count') {
            expect(p.value % 5).toBe(0);
            expect(Math.abs(p.value - actual[index]!)).toBeLessThanOrEqual(2);
          } else expect(p.kind).toBe('suppressed');
          if (actual[index]! < t) expect(p.kind).toBe('suppressed');
        });
      }),
      { numRuns: 200 },
    );
  });
});
