import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayIn, instantAt, isDay, isTimeZone, startOfDay, todayIn } from './dates.js';

const AMS = 'Europe/Amsterdam';

describe('todayIn', () => {
  it('is the Amsterdam day, not the UTC day, in the first hour(s) after local midnight', () => {
    // 00:30 in Amsterdam in winter (UTC+1) and summer (UTC+2): UTC still says yesterday.
    expect(todayIn(AMS, new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-06');
    expect(todayIn(AMS, new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(todayIn(AMS, new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
    expect(todayIn('UTC', new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-05');
  });

  it('turns the year at local midnight', () => {
    expect(todayIn(AMS, new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayIn(AMS, new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayIn('America/New_York', new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31');
  });

  it('is right on both DST nights', () => {
    // Spring forward 2026-03-29 01:00Z; fall back 2026-10-25 01:00Z.
    expect(dayIn(AMS, new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(dayIn(AMS, new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(dayIn(AMS, new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(dayIn(AMS, new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(dayIn(AMS, new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(dayIn(AMS, new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(dayIn(AMS, new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(dayIn(AMS, new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-01-31', -1, '2025-12-31'],
    ['2026-06-30', 0, '2026-06-30'],
  ])('%s + %i months = %s (clamped to the month end)', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('never overflows into the month after and never moves more than the months asked', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -120, max: 120 }),
        (date, months) => {
          const day = date.toISOString().slice(0, 10);
          const out = addMonths(day, months);
          const [y, m, d] = day.split('-').map(Number) as [number, number, number];
          const [y2, m2, d2] = out.split('-').map(Number) as [number, number, number];
          expect(y2 * 12 + m2 - (y * 12 + m)).toBe(months);
          expect(d2).toBeLessThanOrEqual(d);
          expect(isDay(out)).toBe(true);
        },
      ),
    );
  });
});

describe('addDays', () => {
  it('counts calendar days across month ends, leap days and DST nights', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-05', 365)).toBe('2027-01-05');
  });

  it('refuses what is not a day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-1-5', 1)).toThrow(RangeError);
  });
});

describe('instantAt / startOfDay', () => {
  it('is local midnight, in winter and in summer', () => {
    expect(startOfDay(AMS, '2026-01-06').toISOString()).toBe('2026-01-05T23:00:00.000Z');
    expect(startOfDay(AMS, '2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDay('UTC', '2026-07-15').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('handles the DST nights: a skipped time moves forward, a repeated one takes the first', () => {
    expect(startOfDay(AMS, '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay(AMS, '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(instantAt(AMS, '2026-03-29', 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt(AMS, '2026-03-29', 3, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantAt(AMS, '2026-10-25', 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt(AMS, '2026-10-25', 3, 30).toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(instantAt(AMS, '2026-10-25', 8, 0).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('round-trips with dayIn for every day of a year', () => {
    let day = '2028-01-01';
    for (let i = 0; i < 366; i++) {
      expect(dayIn(AMS, startOfDay(AMS, day))).toBe(day);
      expect(dayIn(AMS, new Date(startOfDay(AMS, day).getTime() - 1))).toBe(addDays(day, -1));
      day = addDays(day, 1);
    }
  });
});

describe('isTimeZone / isDay', () => {
  it.each([
    'Europe/Amsterdam',
    'Europe/Istanbul',
    'Africa/Mogadishu',
    'America/Argentina/Buenos_Aires',
    'UTC',
  ])('accepts %s', (zone) => expect(isTimeZone(zone)).toBe(true));
  it.each(['', 'Europe/Atlantis', 'CET+1', '+01:00', 'amsterdam', 'Europe/Amsterdam ', '../etc/passwd'])(
    'refuses %j',
    (zone) => expect(isTimeZone(zone)).toBe(false),
  );
  it('checks the calendar', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-04-31')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
  });
});
