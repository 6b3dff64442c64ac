import { afterEach, describe, expect, it } from 'vitest';
import { formatList, setHelplineTimeZone, todayIso } from './format';

describe('todayIso', () => {
  afterEach(() => setHelplineTimeZone(undefined));

  // 23:30 UTC on 3 December is already 00:30 on 4 December in Amsterdam, and still the 3rd in Mexico City.
  const lateEvening = new Date('2026-12-03T23:30:00Z');

  it('is the day in the helpline’s time zone, not the device’s', () => {
    setHelplineTimeZone('Europe/Amsterdam');
    expect(todayIso(lateEvening)).toBe('2026-12-04');
    setHelplineTimeZone('America/Mexico_City');
    expect(todayIso(lateEvening)).toBe('2026-12-03');
    setHelplineTimeZone('UTC');
    expect(todayIso(lateEvening)).toBe('2026-12-03');
  });

  it('falls back to the device’s zone before sign-in and for a zone the browser does not know', () => {
    const device = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(todayIso(lateEvening)).toBe(device.format(lateEvening));
    setHelplineTimeZone('Europe/Atlantis');
    expect(todayIso(lateEvening)).toBe(device.format(lateEvening));
  });
});

describe('formatList', () => {
  it('separates with the Arabic comma in Arabic and a Latin comma elsewhere, without adding "and"', () => {
    const items = ['Woonplaats', 'Telefoon', 'E-mail'];
    expect(formatList(items, 'nl')).toBe('Woonplaats, Telefoon, E-mail');
    expect(formatList(items, 'tr')).toBe('Woonplaats, Telefoon, E-mail');
    expect(formatList(['الهاتف', 'البريد'], 'ar')).toBe('الهاتف، البريد');
    expect(formatList([], 'ar')).toBe('');
  });
});
