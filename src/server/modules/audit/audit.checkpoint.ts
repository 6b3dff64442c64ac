import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CheckpointSchema, type Checkpoint } from '../../../shared/audit.schema.js';
import { canonicalJson } from './audit.canonical.js';

/**
 * Signed checkpoints anchor the head of each chain outside the database. Whoever owns the database can cut
 * the tail of a chain and move its head back; they cannot also make the last checkpoint agree, because its
 * HMAC needs a key derived from the master key. Checkpoints are appended, one JSON line each, to
 * `DATA_DIR/audit-checkpoints/<organisation>.jsonl`, and printed for the privacy officer to keep elsewhere.
 */
export type UnsignedCheckpoint = Omit<Checkpoint, 'mac'>;

function macOf(key: Buffer, c: UnsignedCheckpoint): string {
  return createHmac('sha256', key).update(canonicalJson(c), 'utf8').digest('hex');
}

export function signCheckpoint(key: Buffer, c: UnsignedCheckpoint): Checkpoint {
  return { ...c, mac: macOf(key, c) };
}

export function isAuthentic(key: Buffer, c: Checkpoint): boolean {
  const { mac, ...rest } = c;
  const expected = Buffer.from(macOf(key, rest), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function checkpointFile(dataDir: string, orgId: string): string {
  return path.join(dataDir, 'audit-checkpoints', `${orgId}.jsonl`);
}

/**
 * The organisation's last checkpoint, or undefined if none was ever written. A last line that does not parse
 * is returned as `'unreadable'`: a damaged anchor is reported, never silently skipped.
 */
export function readLastCheckpoint(dataDir: string, orgId: string): Checkpoint | 'unreadable' | undefined {
  const file = checkpointFile(dataDir, orgId);
  if (!fs.existsSync(file)) return undefined;
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const last = lines.at(-1);
  if (last === undefined) return undefined;
  try {
    const parsed = CheckpointSchema.safeParse(JSON.parse(last));
    return parsed.success && parsed.data.organisationId === orgId ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Appends a checkpoint and flushes it to disk before returning. */
export function appendCheckpoint(dataDir: string, c: Checkpoint): void {
  const file = checkpointFile(dataDir, c.organisationId);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(c)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
