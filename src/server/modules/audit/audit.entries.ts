import { randomUUID } from 'node:crypto';
import { entryMac } from './audit.canonical.js';
import type { NewEntryRow } from './audit.repository.js';

/** What an audit entry records (the caller's side of `audit`). */
export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | null;
  /** Names of the fields that changed; their values are never recorded here. */
  changedFields?: string[];
  /** Non-sensitive facts only (e.g. a role name); never personal data or case content. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * An unchained audit entry with a fresh random entry id and its own MAC, as a request writes it (and as the
 * linker writes the one switch-over marker of a chain begun unkeyed).
 */
export function newEntryRow(
  key: Buffer,
  orgId: string,
  actorId: string | null,
  at: Date,
  input: AuditInput,
): NewEntryRow {
  const fields = {
    orgId,
    entry: randomUUID(),
    at,
    actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    changedFields: [...(input.changedFields ?? [])].sort(),
    details: input.details ?? {},
  };
  return {
    org_id: orgId,
    entry: fields.entry,
    at,
    actor_id: actorId,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    changed_fields: fields.changedFields,
    details: fields.details,
    mac: entryMac(key, fields),
  };
}
