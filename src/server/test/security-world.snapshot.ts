import { sql } from 'kysely';
import { inOrg } from '../db/database.js';
import type { World } from './security-world.records.js';

/** Row counts of the tables a request may change, to tell a refused request that wrote nothing. */

/** The tenant tables whose row counts must not move when a state-changing request fails. */
export const SNAPSHOT_TABLES = [
  'users',
  'invites',
  'audit_log',
  'taxonomy_terms',
  'callers',
  'cases',
  'contacts',
  'intake_drafts',
  'case_subjects',
  'subject_status_events',
  'case_observations',
  'case_goals',
  'case_log',
  'case_interventions',
  'tasks',
  'alerts',
  'case_access_grants',
  'municipalities',
  'counsellor_absences',
  'case_offers',
  'courses',
  'training_sessions',
  'training_attendance',
  'request_receipts',
  'partners',
  'callback_requests',
  'public_page_versions',
  'consents',
  'consent_documents',
  'referrals',
  'emergency_requests',
  'case_meetings',
  'disclosures',
  'jobs',
  'activity_type_courses',
  'activities',
  'activity_facilitators',
  'activity_partners',
  'activity_tasks',
] as const;

/** Row counts of the tenant tables in both organisations, in one query per organisation. */
export async function snapshot(w: World): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const org of [w.a.orgId, w.b.orgId]) {
    const row = await inOrg(w.t.deps.db, org, async (trx) => {
      const cols = sql.join(
        SNAPSHOT_TABLES.map((tb) => sql`(select count(*) from ${sql.table(tb)})::int as ${sql.ref(tb)}`),
      );
      return (await sql<Record<string, number>>`select ${cols}`.execute(trx)).rows[0]!;
    });
    for (const [k, v] of Object.entries(row)) out[`${org === w.a.orgId ? 'a' : 'b'}.${k}`] = Number(v);
  }
  return out;
}

/** The tables whose counts differ between two snapshots. */
export function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}
