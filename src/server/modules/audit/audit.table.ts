import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface AuditHeadsTable {
  org_id: string;
  seq: number;
  hash: Uint8Array;
  /** The last entry hashed without a key (a chain begun before keyed chains); 0 for a keyed-from-start chain. */
  unkeyed_until: ColumnType<number, number | undefined, number>;
}

export interface AccessHeadsTable {
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
  /** Clear-text reason of rows written before reasons were sealed; never written any more. */
  reason: ColumnType<string | null, never, never>;
  outcome: ColumnType<'read' | 'denied', 'read' | 'denied', never>;
  /** Null only for rows written before the access log was chained. */
  seq: ColumnType<number | null, number, never>;
  prev_hash: ColumnType<Uint8Array | null, Uint8Array, never>;
  hash: ColumnType<Uint8Array | null, Uint8Array, never>;
  reason_enc: ColumnType<Uint8Array | null, Uint8Array | null, never>;
}

export interface AuditTables {
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
  access_heads: AccessHeadsTable;
}
