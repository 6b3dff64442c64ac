import { describe, expect, it } from 'vitest';
import { statementNamer } from './prepared.js';

describe('statementNamer', () => {
  it('names a text from its third run and keeps that name', () => {
    const name = statementNamer(10, 3);
    expect(name('select $1')).toBeUndefined();
    expect(name('select $1')).toBeUndefined();
    const named = name('select $1');
    expect(named).toMatch(/^confidant_\d+$/);
    expect(name('select $1')).toBe(named);
    expect(name('select $2')).toBeUndefined();
  });

  it('gives different texts different names', () => {
    const name = statementNamer(10, 1);
    expect(name('select $1')).not.toBe(name('select $2'));
  });

  it('names no more texts than its limit, and keeps naming those it has', () => {
    const name = statementNamer(2, 1);
    const a = name('a $1');
    const b = name('b $1');
    expect([a, b].every(Boolean)).toBe(true);
    expect(name('c $1')).toBeUndefined();
    expect(name('c $1')).toBeUndefined();
    expect(name('a $1')).toBe(a);
  });
});
