import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectTable, publishDuration } from './disclosure';

const rules = { threshold: 5, roundToFive: false };

describe('publishing medians and 90th percentiles', () => {
  it('publishes a group’s statistics beside a published count of at least the threshold, to one decimal', () => {
    expect(publishDuration({ kind: 'count', value: 6 }, { n: 6, median: 7.04, p90: 11.06 }, rules)).toEqual({
      kind: 'value',
      median: 7,
      p90: 11.1,
    });
  });

  it('hides them below the threshold, beside a hidden count, and for a group without cases', () => {
    const below = { kind: 'suppressed', reason: 'below_threshold' } as const;
    const protects = { kind: 'suppressed', reason: 'protects_other' } as const;
    expect(publishDuration(below, { n: 2, median: 3, p90: 4 }, rules)).toEqual({ kind: 'suppressed' });
    // Six cases, but their count is hidden so that a small one cannot be solved: the median goes too.
    expect(publishDuration(protects, { n: 6, median: 3, p90: 4 }, rules)).toEqual({ kind: 'suppressed' });
    expect(publishDuration({ kind: 'count', value: 5 }, undefined, rules)).toEqual({ kind: 'suppressed' });
    // A rounded count of 5 may stand for 3 cases: the statistics of 3 are not published.
    expect(
      publishDuration(
        { kind: 'count', value: 5 },
        { n: 3, median: 1, p90: 2 },
        { ...rules, roundToFive: true },
      ),
    ).toEqual({ kind: 'suppressed' });
  });

  it('never publishes a statistic of fewer cases than the threshold, nor beside a hidden count (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(12), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 3, max: 10 }),
        fc.boolean(),
        (counts, threshold, roundToFive) => {
          const r = { threshold, roundToFive };
          const table = protectTable(
            counts.map((n) => [n]),
            r,
          );
          counts.forEach((n, i) => {
            const published = publishDuration(table.cells[i]![0]!, { n, median: n / 2, p90: n }, r);
            if (published.kind === 'value') {
              expect(n).toBeGreaterThanOrEqual(threshold);
              expect(table.cells[i]![0]!.kind).toBe('count');
            }
          });
        },
      ),
    );
  });
});
