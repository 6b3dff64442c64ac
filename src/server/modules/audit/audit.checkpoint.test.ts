import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../shared/audit.schema.js';
import { fullWalkDue, signCheckpoint } from './audit.checkpoint.js';

const DAY = 86_400_000;
const key = randomBytes(32);
const orgId = randomUUID();
const now = new Date('2026-06-10T00:00:00Z');

function at(daysAgo: number, walk?: Checkpoint['walk'], k: Buffer = key): Checkpoint {
  return signCheckpoint(k, {
    organisationId: orgId,
    at: new Date(now.getTime() - daysAgo * DAY).toISOString(),
    auditSeq: 10 - daysAgo,
    auditHead: 'a'.repeat(64),
    unkeyedUntil: 0,
    accessSeq: 5,
    accessHead: 'b'.repeat(64),
    ...(walk ? { walk } : {}),
  });
}

describe('when the daily checkpoint walks every entry', () => {
  it('walks everything when there is nothing authentic to start from', () => {
    expect(fullWalkDue(key, [], now)).toBe(true);
    expect(fullWalkDue(key, [at(1, 'full'), 'unreadable'], now)).toBe(true);
    expect(fullWalkDue(key, [at(1, 'full'), at(0, 'from_previous', randomBytes(32))], now)).toBe(true);
  });

  it('starts from the last checkpoint while a full walk is less than a week old', () => {
    expect(fullWalkDue(key, [at(1, 'full')], now)).toBe(false);
    expect(fullWalkDue(key, [at(6, 'full'), at(1, 'from_previous')], now)).toBe(false);
    // Lines from before the field existed all came from full walks.
    expect(fullWalkDue(key, [at(3)], now)).toBe(false);
  });

  it('walks everything once the last full walk is a week old', () => {
    const days = [7, 6, 5, 4, 3, 2, 1].map((d) => at(d, d === 7 ? 'full' : 'from_previous'));
    expect(fullWalkDue(key, days, now)).toBe(true);
    expect(fullWalkDue(key, [at(8), at(1, 'from_previous')], now)).toBe(true);
  });

  it('does not count a line edited to claim a full walk', () => {
    const edited = { ...at(2, 'from_previous'), walk: 'full' as const };
    expect(fullWalkDue(key, [at(9, 'full'), edited, at(1, 'from_previous')], now)).toBe(true);
  });
});
