import { describe, expect, it } from 'vitest';
import { normaliseAlias } from './alias.js';

describe('normaliseAlias', () => {
  it('ignores case, diacritics and spacing', () => {
    expect(normaliseAlias('  Umm   Karîm ')).toBe('umm karim');
    expect(normaliseAlias('UMM KARIM')).toBe('umm karim');
    expect(normaliseAlias('Moeder\tvan\nY.')).toBe('moeder van y.');
    expect(normaliseAlias('Zoë Ümit Çelik')).toBe('zoe umit celik');
  });

  it('folds Turkish letters, including the dotless and the dotted i', () => {
    expect(normaliseAlias('Işık Şahin')).toBe('isik sahin');
    expect(normaliseAlias('İSMAİL')).toBe('ismail');
    expect(normaliseAlias('Gül Ağa')).toBe('gul aga');
  });

  it('drops Arabic vowel marks, tatweel and the hamza or madda on alef', () => {
    expect(normaliseAlias('أُمّ كريم')).toBe(normaliseAlias('ام كريم'));
    expect(normaliseAlias('إبراهيم')).toBe('ابراهيم');
    expect(normaliseAlias('آمنة')).toBe('امنة');
    expect(normaliseAlias('كـــريم')).toBe('كريم');
  });

  it('keeps different aliases apart: exact match, not a substring', () => {
    expect(normaliseAlias('Umm Karim')).not.toBe(normaliseAlias('Karim'));
    expect(normaliseAlias('Moeder van Y.')).not.toBe(normaliseAlias('Moeder van Y'));
  });
});
