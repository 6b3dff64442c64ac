import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal } from './aead.js';
import { unwrapKey, wrapKey } from './keyring.js';
import { generateMasterKey, loadMasterKeys, parseMasterKey } from './master-key.js';

describe('AES-256-GCM sealing', () => {
  const key = Buffer.alloc(32, 7);
  const aad = Buffer.from('users.totp_secret:1');

  it('round-trips and never contains the clear text', () => {
    const sealed = seal(key, Buffer.from('mother called, son agreed to see the imam'), aad);
    expect(sealed.toString('latin1')).not.toContain('imam');
    expect(open(key, sealed, aad).toString()).toBe('mother called, son agreed to see the imam');
  });

  it('refuses another context, a flipped bit or another key', () => {
    const sealed = seal(key, Buffer.from('secret'), aad);
    expect(() => open(key, sealed, Buffer.from('users.totp_secret:2'))).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => open(key, flipped, aad)).toThrow();
    expect(() => open(Buffer.alloc(32, 8), sealed, aad)).toThrow();
  });

  it('uses a fresh IV each time', () => {
    expect(seal(key, Buffer.from('same'), aad).equals(seal(key, Buffer.from('same'), aad))).toBe(false);
  });
});

describe('master key and wrapped organisation keys', () => {
  it('wraps a data key bound to its organisation and version', () => {
    const master = generateMasterKey();
    const dataKey = Buffer.alloc(32, 1);
    const wrapped = wrapKey(master, dataKey, 'org-a', 1);
    expect(unwrapKey(master, wrapped, 'org-a', 1).equals(dataKey)).toBe(true);
    expect(() => unwrapKey(master, wrapped, 'org-b', 1)).toThrow();
    expect(() => unwrapKey(generateMasterKey(), wrapped, 'org-a', 1)).toThrow();
  });

  it('creates the key file on first run with mode 0600 and reads it back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-key-'));
    const file = path.join(dir, 'master.key');
    const [first] = loadMasterKeys({ file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const [again] = loadMasterKeys({ file });
    expect(again!.id).toBe(first!.id);
    fs.chmodSync(file, 0o644);
    expect(() => loadMasterKeys({ file })).toThrow(/chmod 600/);
    fs.rmSync(dir, { recursive: true });
  });

  it('prefers MASTER_KEY from the environment and refuses a short one', () => {
    const key = generateMasterKey().key.toString('base64');
    expect(loadMasterKeys({ env: key, file: '/nonexistent/x' })[0]!.id).toBe(parseMasterKey(key).id);
    expect(() => parseMasterKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
