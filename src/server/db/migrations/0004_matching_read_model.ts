import { sql, type Kysely } from 'kysely';

/**
 * Matching reads every counsellor on every shortlist. Keep what the filters need on the profile row itself:
 * language codes and background ids (copied from their tables in the same transaction as every change),
 * and whether any weekly availability is set (a stored generated column).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table counsellor_profiles add column language_codes text[] not null default '{}';
    alter table counsellor_profiles add column background_ids text[] not null default '{}';
    alter table counsellor_profiles add column has_slots boolean generated always as (jsonb_path_exists(availability, '$.*[*]')) stored;
    update counsellor_profiles p set
      language_codes = coalesce((select array_agg(code order by code) from counsellor_languages l where l.user_id = p.user_id), '{}'),
      background_ids = coalesce((select array_agg(term_id::text order by term_id) from counsellor_backgrounds b where b.user_id = p.user_id), '{}');
    create index training_attendance_session_idx on training_attendance (session_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
