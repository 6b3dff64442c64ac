import { describe, expect, it } from 'vitest';
import { daysToText, parseDays } from './aftercareDays';

describe('aftercare days', () => {
  it('reads a list typed with Latin or Arabic commas, semicolons and digits', () => {
    expect(parseDays('14, 28, 42')).toEqual([14, 28, 42]);
    expect(parseDays('١٤، ٢٨؛ ٤٢')).toEqual([14, 28, 42]);
    expect(parseDays('۷ ۱۴')).toEqual([7, 14]);
    expect(parseDays('42 14;14')).toEqual([14, 42]);
  });

  it('refuses a list with anything that is not a whole number', () => {
    expect(parseDays('14, twee')).toBeNull();
    expect(parseDays('14.5')).toBeNull();
  });

  it('shows the list with the UI language’s separator, and reads it back', () => {
    expect(daysToText([14, 28], 'nl')).toBe('14, 28');
    expect(daysToText([14, 28], 'ar')).toBe('14، 28');
    expect(parseDays(daysToText([14, 28, 42], 'ar'))).toEqual([14, 28, 42]);
  });
});
