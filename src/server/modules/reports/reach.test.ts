import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectTable, publishReach } from './disclosure';

const rules = { threshold: 5, roundToFive: false };

describe('publishing the reach of activities', () => {
  it('publishes attendees and facilitator hours beside a published count of at least the threshold', () => {
    expect(
      publishReach({ kind: 'count', value: 6 }, { n: 6, attendees: 83, facilitatorHours: 14.04 }, rules),
    ).toEqual({ kind: 'value', attendees: 83, facilitatorHours: 14 });
    expect(
      publishReach(
        { kind: 'count', value: 5 },
        { n: 6, attendees: 83, facilitatorHours: 14.06 },
        { ...rules, roundToFive: true },
      ),
    ).toEqual({ kind: 'value', attendees: 85, facilitatorHours: 14.1 });
  });

  it('hides it below the threshold, beside a hidden count, and for a group without activities', () => {
    const below = { kind: 'suppressed', reason: 'below_threshold' } as const;
    const protects = { kind: 'suppressed', reason: 'protects_other' } as const;
    const summary = { n: 6, attendees: 40, facilitatorHours: 9 };
    expect(publishReach(below, { ...summary, n: 2 }, rules)).toEqual({ kind: 'suppressed' });
    expect(publishReach(protects, summary, rules)).toEqual({ kind: 'suppressed' });
    expect(publishReach({ kind: 'count', value: 5 }, undefined, rules)).toEqual({ kind: 'suppressed' });
    // A rounded count of 5 may stand for 3 activities: their reach is not published.
    expect(
      publishReach({ kind: 'count', value: 5 }, { ...summary, n: 3 }, { ...rules, roundToFive: true }),
    ).toEqual({ kind: 'suppressed' });
  });

  it('never publishes the reach of fewer activities than the threshold, nor beside a hidden count (property)', () => {
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
            const published = publishReach(
              table.cells[i]![0]!,
              { n, attendees: n * 7, facilitatorHours: n * 2 },
              r,
            );
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
