import { sql, type Kysely } from 'kysely';
import { seedTaxonomies } from '../../modules/taxonomies/taxonomies.seed.js';

/**
 * Intake records the relative's basic details and the signals and protective factors ticked from the
 * organisation's lists (new taxonomy kinds `signal` and `protective`), by term id, so they can be counted;
 * a case's observations may point at the same terms. Offers record how matching was widened: the reach
 * (region, remote counsellors, whole organisation) and the interpreter fallback.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table taxonomy_terms drop constraint taxonomy_terms_kind_check;
    alter table taxonomy_terms add constraint taxonomy_terms_kind_check
      check (kind in ('category','intervention','closure','relation','background','language','signal','protective'));

    alter table contacts add column subject_alias_enc bytea;
    alter table contacts add column subject_age_band text;
    alter table contacts add column subject_status text;

    create table contact_observations (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      contact_id uuid not null references contacts(id),
      kind text not null check (kind in ('signal','protective')),
      term_id uuid not null references taxonomy_terms(id),
      created_at timestamptz not null,
      unique (contact_id, term_id)
    );
    create index contact_observations_term_idx on contact_observations (org_id, term_id);
    alter table contact_observations enable row level security;
    create policy tenant_isolation on contact_observations using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert on contact_observations to confidant_runtime;

    alter table case_observations add column term_id uuid references taxonomy_terms(id);
    create index case_observations_term_idx on case_observations (org_id, term_id) where term_id is not null;

    alter table case_offers add column reach text not null default 'region'
      check (reach in ('region','remote','wide'));
    alter table case_offers add column interpreter_language text;
  `.execute(db);
  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) await seedTaxonomies(db, org.id, new Date());
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
