import { toBuffer } from '../../db/database.js';
import { accessEntryMac, entryMac } from './audit.canonical.js';
import type { AccessChainedFields, ChainedFields } from './audit.canonical.js';

/** An audit_log row as read back: the columns its chain hash and its own MAC cover. */
export interface StoredAuditRow {
  org_id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: Record<string, unknown>;
  entry: string | null;
  mac: Uint8Array | null;
}

/** An access_log row as read back, likewise. */
export interface StoredAccessRow {
  org_id: string;
  at: Date;
  actor_id: string;
  entity: string;
  entity_id: string;
  purpose: string;
  outcome: string;
  reason_enc: Uint8Array | null;
  entry: string | null;
  mac: Uint8Array | null;
}

/** The hashed fields of a stored audit entry, without its chain place. */
export function auditFields(r: StoredAuditRow): Omit<ChainedFields, 'seq'> {
  return {
    orgId: r.org_id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changedFields: r.changed_fields,
    details: r.details,
  };
}

/** The hashed fields of a stored access-log row, without its chain place. */
export function accessFields(r: StoredAccessRow): Omit<AccessChainedFields, 'seq'> {
  return {
    orgId: r.org_id,
    at: r.at,
    actorId: r.actor_id,
    entity: r.entity,
    entityId: r.entity_id,
    purpose: r.purpose,
    outcome: r.outcome,
    reasonEnc: r.reason_enc ? toBuffer(r.reason_enc) : null,
  };
}

/** Whether a stored audit entry carries its own MAC and the MAC matches what the row says now. */
export function auditMacHolds(key: Buffer, r: StoredAuditRow): boolean {
  return !!r.mac && !!r.entry && entryMac(key, { ...auditFields(r), entry: r.entry }).equals(toBuffer(r.mac));
}

/** The same for a stored access-log row. */
export function accessMacHolds(key: Buffer, r: StoredAccessRow): boolean {
  return (
    !!r.mac &&
    !!r.entry &&
    accessEntryMac(key, { ...accessFields(r), entry: r.entry }).equals(toBuffer(r.mac))
  );
}
