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
 * Every checkpoint line of the organisation, oldest first; a line that does not parse is `'unreadable'`, so a
 * damaged anchor is reported, never silently skipped.
 */
export function readCheckpoints(dataDir: string, orgId: string): (Checkpoint | 'unreadable')[] {
  const file = checkpointFile(dataDir, orgId);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      try {
        const parsed = CheckpointSchema.safeParse(JSON.parse(line));
        return parsed.success && parsed.data.organisationId === orgId ? parsed.data : 'unreadable';
      } catch {
        return 'unreadable';
      }
    });
}

/** How often the daily checkpoint re-hashes every entry rather than only those after the previous one. */
export const FULL_WALK_EVERY_DAYS = 7;

/**
 * Whether the daily checkpoint must walk every entry: when the last checkpoint is missing, unreadable or not
 * authentic (there is nothing to start from), or when no authentic checkpoint from a full walk is younger
 * than {@link FULL_WALK_EVERY_DAYS}. Only lines whose MAC holds count, so an edited line cannot postpone it.
 */
export function fullWalkDue(key: Buffer, lines: (Checkpoint | 'unreadable')[], now: Date): boolean {
  const last = lines.at(-1);
  if (last === undefined || last === 'unreadable' || !isAuthentic(key, last)) return true;
  const since = now.getTime() - FULL_WALK_EVERY_DAYS * 86_400_000;
  return !lines.some(
    (c) =>
      c !== 'unreadable' && c.walk !== 'from_previous' && Date.parse(c.at) > since && isAuthentic(key, c),
  );
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
