import type { Selectable } from 'kysely';
import { toBuffer } from '../../db/database.js';
import { accessEntryMac, entryMac } from './audit.canonical.js';
import type { AccessChainedFields, ChainedFields } from './audit.canonical.js';
import type { AccessLogTable, AuditLogTable } from './audit.table.js';

/** An audit_log row as read back: the columns its chain hash and its own MAC cover. */
export type StoredAuditRow = Pick<
  Selectable<AuditLogTable>,
  | 'org_id'
  | 'at'
  | 'actor_id'
  | 'action'
  | 'entity'
  | 'entity_id'
  | 'changed_fields'
  | 'details'
  | 'entry'
  | 'mac'
>;

/** An access_log row as read back, likewise. */
export type StoredAccessRow = Pick<
  Selectable<AccessLogTable>,
  | 'org_id'
  | 'at'
  | 'actor_id'
  | 'entity'
  | 'entity_id'
  | 'purpose'
  | 'outcome'
  | 'reason_enc'
  | 'entry'
  | 'mac'
>;

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
