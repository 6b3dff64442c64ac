import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface MasterKey {
  /** Short fingerprint stored beside each wrapped key, so the right master key is picked after a rotation. */
  id: string;
  key: Buffer;
}

function masterKeyFrom(key: Buffer): MasterKey {
  if (key.length !== 32) throw new Error('A master key must be 32 bytes (base64 of 32 random bytes)');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export function parseMasterKey(base64: string): MasterKey {
  return masterKeyFrom(Buffer.from(base64.trim(), 'base64'));
}

export function generateMasterKey(): MasterKey {
  return masterKeyFrom(randomBytes(32));
}

/** Writes a key file readable by its owner only; atomic (write then rename). */
export function writeKeyFile(file: string, key: MasterKey): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${key.key.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * The master keys this process knows: MASTER_KEY (and MASTER_KEY_PREVIOUS during a rotation) from the
 * environment, or else the key file — created with mode 0600 on first run. A `.next` file left by an
 * interrupted rotation is known too, so that no wrapped key is ever unreadable.
 */
export function loadMasterKeys(opts: { env?: string; previous?: string; file: string }): MasterKey[] {
  if (opts.env) {
    return [parseMasterKey(opts.env), ...(opts.previous ? [parseMasterKey(opts.previous)] : [])];
  }
  if (!fs.existsSync(opts.file)) writeKeyFile(opts.file, generateMasterKey());
  const mode = fs.statSync(opts.file).mode & 0o777;
  if (mode & 0o077)
    throw new Error(`The master key file ${opts.file} must be readable by its owner only (chmod 600)`);
  const keys = [parseMasterKey(fs.readFileSync(opts.file, 'utf8'))];
  const next = `${opts.file}.next`;
  if (fs.existsSync(next)) keys.push(parseMasterKey(fs.readFileSync(next, 'utf8')));
  return keys;
}
