import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash covers, in a fixed order. */
export interface ChainedFields {
  orgId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  details: Record<string, unknown>;
}

export const GENESIS_HASH = Buffer.alloc(32, 0);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous entry's hash and this entry's canonical form. */
export function entryHash(prevHash: Buffer, e: ChainedFields): Buffer {
  const body = canonicalJson({
    org: e.orgId,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    changed: e.changedFields,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update(body, 'utf8').digest();
}
