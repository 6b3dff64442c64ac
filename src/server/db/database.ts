import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditTables } from '../modules/audit/audit.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { JobTables } from '../modules/jobs/jobs.table.js';
import type { OrganisationTables } from '../modules/organisations/organisations.table.js';
import type { UserTables } from '../modules/users/users.table.js';
import type { CaseTables } from '../modules/cases/cases.table.js';
import type { CounsellorTables } from '../modules/counsellors/counsellors.table.js';
import type { ReceiptTables } from '../lib/idempotency.js';
import type { PartnerTables } from '../modules/partners/partners.table.js';
import type { KnowledgeTables } from '../modules/knowledge/knowledge.table.js';
import type { IntakeTables } from '../modules/intake/intake.table.js';
import type { TaxonomyTables } from '../modules/taxonomies/taxonomies.table.js';
import type { ConsentTables } from '../modules/consent/consent.table.js';
import type { ReferralTables } from '../modules/referrals/referrals.table.js';
import type { EmergencyTables } from '../modules/emergency/emergency.table.js';
import type { MeetingTables } from '../modules/meetings/meetings.table.js';
import type { RateLimitTables } from '../modules/ratelimit/ratelimit.table.js';
import type { SealingTables } from '../modules/sealing/sealing.table.js';
import type { ReportTables } from '../modules/reports/reports.table.js';
import type { PublicSiteTables } from '../modules/public-site/public-site.table.js';
import type { ActivityTables } from '../modules/activities/activities.table.js';
import type { PeerTables } from '../modules/peers/peers.table.js';

/** The whole typed schema: the union of every module's tables. */
export type DB = OrganisationTables &
  UserTables &
  AuthTables &
  AuditTables &
  JobTables &
  TaxonomyTables &
  IntakeTables &
  CaseTables &
  CounsellorTables &
  ReceiptTables &
  PartnerTables &
  KnowledgeTables &
  ConsentTables &
  ReferralTables &
  EmergencyTables &
  MeetingTables &
  RateLimitTables &
  SealingTables &
  ReportTables &
  PublicSiteTables &
  ActivityTables &
  PeerTables;

export type Db = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  /** The read replica's pool (DATABASE_REPLICA_URL, PostgreSQL only); closed with the primary's. */
  replica?: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Connection pool use (PostgreSQL only; PGlite has one connection). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/**
 * Runs `fn` in one transaction scoped to an organisation: row-level security sees only that
 * organisation's rows, and the setting ends with the transaction.
 */
export async function inOrg<T>(
  db: Kysely<DB>,
  orgId: string,
  fn: (trx: Transaction<DB>) => Promise<T>,
  actorRole?: string,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setOrg(trx, orgId, actorRole);
    return fn(trx);
  });
}

/**
 * Sets the organisation for the rest of the current transaction, and the acting user's role when there is
 * one: row-level security keeps the peer network and case data apart by it (migration 0026).
 */
export async function setOrg(trx: Transaction<DB>, orgId: string, actorRole?: string): Promise<void> {
  if (actorRole === undefined) await sql`select set_config('app.org_id', ${orgId}, true)`.execute(trx);
  else
    await sql`select set_config('app.org_id', ${orgId}, true), set_config('app.actor_role', ${actorRole}, true)`.execute(
      trx,
    );
}

/** bytea comes back as Buffer from pg and as Uint8Array from PGlite; make it one type. */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
