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
  /** The order in which the linker takes waiting entries, and the viewers' order and cursor. */
  id: Generated<number>;
  org_id: string;
  /** Null until the linker chains the entry (bulk seeding writes entries chained at once). */
  seq: ColumnType<number | null, number | undefined, number>;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: JSONColumnType<Record<string, unknown>>;
  prev_hash: ColumnType<Uint8Array | null, Uint8Array | undefined, Uint8Array>;
  hash: ColumnType<Uint8Array | null, Uint8Array | undefined, Uint8Array>;
  /** The writer's random id of the entry, covered by `mac`; null only for entries from before 0033. */
  entry: ColumnType<string | null, string | undefined, never>;
  /** The entry's own keyed MAC (`entryMac`), from the moment it is written. */
  mac: ColumnType<Uint8Array | null, Uint8Array | undefined, never>;
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
  /** Null until the linker chains the row, and for rows written before the access log was chained. */
  seq: ColumnType<number | null, never, number>;
  prev_hash: ColumnType<Uint8Array | null, never, Uint8Array>;
  hash: ColumnType<Uint8Array | null, never, Uint8Array>;
  reason_enc: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  /** The writer's random id of the row, covered by `mac`, and what a sealed reason is bound to. */
  entry: ColumnType<string | null, string, never>;
  /** The row's own keyed MAC (`accessEntryMac`); null only for rows from before 0033. */
  mac: ColumnType<Uint8Array | null, Uint8Array, never>;
}

export interface AuditTables {
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
  access_heads: AccessHeadsTable;
}
