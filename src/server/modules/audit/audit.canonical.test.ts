import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit.canonical.js';

const entry = {
  orgId: 'o',
  seq: 1,
  at: new Date('2026-01-01T10:00:00.123Z'),
  actorId: 'u',
  action: 'user.invite',
  entity: 'user',
  entityId: 'x',
  changedFields: ['email'],
  details: { b: 1, a: 'z' },
};

describe('audit hashing', () => {
  it('orders keys so equal entries hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = entryHash(GENESIS_HASH, entry);
    expect(entryHash(GENESIS_HASH, { ...entry, details: { a: 'z', b: 1 } }).equals(base)).toBe(true);
    for (const changed of [
      { ...entry, action: 'user.update' },
      { ...entry, seq: 2 },
      { ...entry, at: new Date('2026-01-01T10:00:00.124Z') },
      { ...entry, changedFields: ['role'] },
      { ...entry, details: { a: 'y', b: 1 } },
    ]) {
      expect(entryHash(GENESIS_HASH, changed).equals(base)).toBe(false);
    }
    expect(entryHash(Buffer.alloc(32, 1), entry).equals(base)).toBe(false);
  });
});
