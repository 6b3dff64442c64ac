import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface AuditHeadsTable {
  org_id: string;
  seq: number;
  hash: Uint8Array;
}

export interface AuditLogTable {
  org_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: JSONColumnType<Record<string, unknown>>;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export interface AccessLogTable {
  id: Generated<number>;
  org_id: string;
  at: Date;
  actor_id: string;
  entity: string;
  entity_id: string;
  purpose: string;
  reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface AuditTables {
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
}
