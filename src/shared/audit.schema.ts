import { z } from 'zod';
import { Text } from './text.schema.js';

export const PAGE_SIZE_MAX = 100;

export const AuditEntrySchema = z.object({
  /** The entry's row id: the order entries were written in, and the list's keyset cursor. */
  id: z.number().int(),
  /** Its place in the organisation's keyed chain; null for a moment after it is written, until it is linked. */
  seq: z.number().int().nullable(),
  linked: z.boolean().describe('Whether the entry has its place in the keyed chain yet (about a second)'),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: Text.nullable(),
  action: Text,
  entity: Text,
  entityId: Text.nullable(),
  changedFields: z.array(Text),
  /** The case the entry is about (the record itself or its parent), shown by reference instead of an id. */
  caseId: z.uuid().nullable(),
  caseReference: Text.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const DateFilter = z.iso.date().describe('YYYY-MM-DD, inclusive');
const CaseReferenceFilter = Text.trim()
  .max(40)
  .describe('A case reference such as 2026-0001: entries about that case and its records');

export const AuditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  entity: Text.max(60).optional(),
  entityId: Text.max(100).optional(),
  caseReference: CaseReferenceFilter.optional(),
  from: DateFilter.optional(),
  to: DateFilter.optional(),
  before: z.coerce.number().int().positive().optional().describe('Keyset cursor: entries with id below this'),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextBefore: z.number().int().nullable(),
});

export const CHAIN_PROBLEMS = [
  'hash_mismatch',
  'link_mismatch',
  'gap',
  'head_mismatch',
  'switch_mismatch',
  'checkpoint_mismatch',
  'truncated',
  'checkpoint_invalid',
  'duplicate',
] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

/** The outcome of recomputing one chain. */
export const ChainVerifySchema = z.object({
  ok: z.boolean(),
  /** Entries checked: those in the chain and those still waiting for the linker (by their own MAC). */
  checked: z.number().int(),
  /** Of those, how many were still waiting for the linker. */
  waiting: z.number().int(),
  /** The chain place of the first broken entry; null when it has none (yet). */
  firstBrokenSeq: z.number().int().nullable(),
  /** The row id of the first broken entry, when one row is to blame. */
  firstBrokenId: z.number().int().nullable(),
  problem: z.enum(CHAIN_PROBLEMS).nullable(),
});
export type ChainVerify = z.infer<typeof ChainVerifySchema>;

const Hex32 = Text.regex(/^[0-9a-f]{64}$/);

/** A signed statement of where both chains of an organisation stood at a moment. */
export const CheckpointSchema = z.object({
  organisationId: z.uuid(),
  at: z.iso.datetime(),
  auditSeq: z.number().int().nonnegative(),
  auditHead: Hex32,
  unkeyedUntil: z.number().int().nonnegative(),
  accessSeq: z.number().int().nonnegative(),
  accessHead: Hex32,
  /**
   * How much the verification behind this checkpoint re-hashed: `full`, every entry from the first;
   * `from_previous`, the entries after the previous checkpoint (the daily job between full walks). Checkpoints
   * written before this field existed all came from full walks.
   */
  walk: z.enum(['full', 'from_previous']).optional(),
  mac: Hex32,
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/**
 * `ok` when both chains are intact and agree with the last checkpoint; the audit chain's details (top level),
 * the access log's, and the checkpoint both were held against (the
 * last one written), plus the new checkpoint when both were intact and one was taken.
 */
export const AuditVerifySchema = ChainVerifySchema.extend({
  accessLog: ChainVerifySchema,
  checkpoint: CheckpointSchema.nullable(),
  newCheckpoint: CheckpointSchema.nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

export const AccessEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.uuid(),
  actorName: Text.nullable(),
  entity: Text,
  entityId: Text,
  purpose: Text,
  outcome: z.enum(['read', 'denied']),
  reason: Text.nullable(),
  caseId: z.uuid().nullable(),
  caseReference: Text.nullable(),
  linked: z.boolean().describe('Whether the row has its place in the keyed chain yet (about a second)'),
});
export type AccessEntry = z.infer<typeof AccessEntrySchema>;

export const AccessQuerySchema = z.object({
  actorId: z.uuid().optional(),
  entity: Text.max(60).optional(),
  entityId: Text.max(100).optional(),
  caseReference: CaseReferenceFilter.optional(),
  from: DateFilter.optional(),
  to: DateFilter.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
});
export type AccessQuery = z.infer<typeof AccessQuerySchema>;

export const AccessPageSchema = z.object({
  items: z.array(AccessEntrySchema),
  nextBefore: z.number().int().nullable(),
});

/** The filters of an export: those of the list, without paging. At most EXPORT_MAX rows, newest first. */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ before: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;
export const AccessExportQuerySchema = AccessQuerySchema.omit({ before: true, limit: true });
export type AccessExportQuery = z.infer<typeof AccessExportQuerySchema>;
export const EXPORT_MAX = 10_000;
