import { describe, expect, it } from 'vitest';
import {
  accessEntryMac,
  canonicalJson,
  entryHash,
  entryMac,
  GENESIS_HASH,
  keyedEntryHash,
} from './audit.canonical.js';

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

  it("an entry's own MAC covers every field and its entry id, and is no chain hash", () => {
    const key = Buffer.alloc(32, 7);
    const { seq: _seq, ...own } = entry;
    const written = { ...own, entry: '5f0c1d2e-0000-4000-8000-000000000001' };
    const base = entryMac(key, written);
    expect(entryMac(key, { ...written, details: { a: 'z', b: 1 } }).equals(base)).toBe(true);
    for (const changed of [
      { ...written, entry: '5f0c1d2e-0000-4000-8000-000000000002' },
      { ...written, orgId: 'p' },
      { ...written, actorId: null },
      { ...written, entityId: 'y' },
      { ...written, changedFields: [] },
      { ...written, at: new Date('2026-01-01T10:00:00.124Z') },
    ]) {
      expect(entryMac(key, changed).equals(base)).toBe(false);
    }
    expect(entryMac(Buffer.alloc(32, 8), written).equals(base)).toBe(false);
    expect(keyedEntryHash(key, GENESIS_HASH, entry).equals(base)).toBe(false);
    const row = {
      orgId: 'o',
      entry: written.entry,
      at: entry.at,
      actorId: 'u',
      entity: 'case',
      entityId: 'c',
      purpose: 'view',
      outcome: 'read',
      reasonEnc: Buffer.from([1, 2, 3]),
    };
    const access = accessEntryMac(key, row);
    expect(accessEntryMac(key, { ...row, reasonEnc: Buffer.from([1, 2, 4]) }).equals(access)).toBe(false);
    expect(accessEntryMac(key, { ...row, outcome: 'denied' }).equals(access)).toBe(false);
  });
});
