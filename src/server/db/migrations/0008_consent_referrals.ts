import { sql, type Kysely } from 'kysely';

/**
 * Written consent, referrals, disclosures, the emergency path and case meetings.
 *
 * The database guards the one rule that must never break: a disclosure row can only be written when an
 * active, written consent of the same case covers its partner (or partner type), purpose and every
 * category — or when a second person approved an emergency request for exactly that disclosure. The
 * service checks the same first, with clear errors; the trigger is the backstop.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations add column consent_valid_months integer not null default 12
      check (consent_valid_months between 1 and 60);
    alter table organisations add column consent_written_days integer not null default 14
      check (consent_written_days between 1 and 90);

    -- System tasks point at what made them (a consent, an emergency request), so they can be closed with it.
    alter table tasks add column ref_id uuid;
    alter table tasks drop constraint tasks_kind_check;
    alter table tasks add constraint tasks_kind_check
      check (kind in ('follow_up','aftercare','consent_written','inform_partners','inform_caller'));
    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_declined','offer_expired',
                      'emergency_request','emergency_decided'));

    create table consents (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      given_by_enc bytea not null,
      categories text[] not null check (
        cardinality(categories) >= 1 and
        categories <@ array['contact_details','concern_summary','signals','person_status','support_history']),
      partner_id uuid references partners(id),
      partner_type text,
      purpose text not null
        check (purpose in ('care_referral','authority_referral','case_meeting','peer_support')),
      purpose_note_enc bytea,
      method text not null check (method in ('uploaded_form','signature_drawn','signature_typed','verbal')),
      language text not null check (language in ('nl','en','ar','tr')),
      given_on date not null,
      valid_until date not null,
      written_on date,
      written_due_on date,
      typed_name_enc bytea,
      drawn_signature_enc bytea,
      withdrawn_on date,
      withdrawn_at timestamptz,
      withdrawal_note_enc bytea,
      recorded_by uuid references users(id),
      created_at timestamptz not null,
      check ((partner_id is null) <> (partner_type is null)),
      check (valid_until >= given_on),
      check ((withdrawn_on is null) = (withdrawn_at is null))
    );
    create index consents_case_idx on consents (case_id);

    create table consent_documents (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      consent_id uuid not null unique references consents(id),
      file_name_enc bytea not null,
      media_type text not null check (media_type in ('application/pdf','image/jpeg','image/png')),
      size integer not null check (size > 0),
      sha256 bytea not null,
      content_enc bytea not null,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null
    );

    create table referrals (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      partner_id uuid not null references partners(id),
      purpose text not null
        check (purpose in ('care_referral','authority_referral','case_meeting','peer_support')),
      categories text[] not null check (
        cardinality(categories) >= 1 and
        categories <@ array['contact_details','concern_summary','signals','person_status','support_history']),
      note_enc bytea,
      status text not null default 'proposed'
        check (status in ('proposed','sent','accepted','declined','completed','cancelled')),
      channel text,
      consent_id uuid references consents(id),
      created_by uuid references users(id),
      created_at timestamptz not null,
      sent_at timestamptz,
      sent_by uuid references users(id),
      closed_at timestamptz,
      cancel_reason_enc bytea,
      cancel_cause text check (cancel_cause in ('manual','consent_withdrawn')),
      check (status = 'proposed' or status = 'cancelled' or consent_id is not null)
    );
    create index referrals_case_idx on referrals (case_id);

    create table emergency_requests (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      ground text not null check (ground in ('danger_to_life','serious_crime')),
      legal_basis text not null check (legal_basis in ('vital_interest','conflict_of_duties','legal_obligation')),
      reason_enc bytea not null,
      partner_id uuid not null references partners(id),
      categories text[] not null check (
        cardinality(categories) >= 1 and
        categories <@ array['contact_details','concern_summary','signals','person_status','support_history']),
      channel text not null,
      inform_caller boolean not null,
      no_inform_reason_enc bytea,
      status text not null default 'pending'
        check (status in ('pending','approved','rejected','disclosed','cancelled')),
      requested_by uuid not null references users(id),
      requested_at timestamptz not null,
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_note_enc bytea,
      disclosed_at timestamptz,
      -- Four eyes: nobody decides on their own request.
      constraint emergency_four_eyes check (decided_by is null or decided_by <> requested_by),
      check (status not in ('approved','rejected','disclosed') or decided_by is not null)
    );
    create index emergency_requests_org_idx on emergency_requests (org_id, status);

    create table case_meetings (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      municipality text not null,
      meeting_on date not null,
      partner_ids uuid[] not null check (cardinality(partner_ids) between 1 and 20),
      categories text[] not null check (
        cardinality(categories) >= 1 and
        categories <@ array['contact_details','concern_summary','signals','person_status','support_history']),
      note_enc bytea,
      shared_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null
    );
    create index case_meetings_case_idx on case_meetings (case_id);

    create table disclosures (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('referral','case_meeting','emergency')),
      referral_id uuid references referrals(id),
      meeting_id uuid references case_meetings(id),
      emergency_id uuid references emergency_requests(id),
      partner_id uuid not null references partners(id),
      recipient text not null,
      purpose text,
      categories text[] not null check (cardinality(categories) >= 1),
      channel text not null,
      consent_id uuid references consents(id),
      disclosed_by uuid references users(id),
      disclosed_on date not null,
      disclosed_at timestamptz not null,
      check ((consent_id is null) <> (emergency_id is null)),
      check (kind <> 'emergency' or emergency_id is not null),
      check (consent_id is null or purpose is not null)
    );
    create index disclosures_case_idx on disclosures (case_id, disclosed_at);
    create index disclosures_org_idx on disclosures (org_id, disclosed_at desc, id desc);

    create function disclosures_require_basis() returns trigger language plpgsql as $$
    declare
      c consents%rowtype;
      e emergency_requests%rowtype;
      p partners%rowtype;
    begin
      select * into p from partners where id = new.partner_id and org_id = new.org_id;
      if not found or not p.active then
        raise exception 'disclosure to an unknown or retired partner' using errcode = 'check_violation';
      end if;
      if new.emergency_id is not null then
        select * into e from emergency_requests where id = new.emergency_id and org_id = new.org_id for share;
        if not found or e.case_id <> new.case_id or e.status <> 'approved' or e.partner_id <> new.partner_id
           or not (new.categories <@ e.categories)
           or new.disclosed_at > e.decided_at + interval '24 hours' then
          raise exception 'disclosure without an approved emergency request' using errcode = 'check_violation';
        end if;
        return new;
      end if;
      -- FOR SHARE: a withdrawal committing meanwhile is waited for and then seen, never raced past.
      select * into c from consents where id = new.consent_id and org_id = new.org_id for share;
      if not found or c.case_id <> new.case_id or c.withdrawn_at is not null or c.written_on is null
         or c.purpose <> new.purpose or not (new.categories <@ c.categories)
         or new.disclosed_on < c.given_on or new.disclosed_on > c.valid_until
         or not (c.partner_id is not distinct from p.id or c.partner_type is not distinct from p.type) then
        raise exception 'disclosure without a covering, active consent' using errcode = 'check_violation';
      end if;
      return new;
    end $$;
    create trigger disclosures_require_basis before insert on disclosures
      for each row execute function disclosures_require_basis();

    -- What a consent covers is fixed once recorded; it becomes written once and is withdrawn once, for good.
    create function consents_guard() returns trigger language plpgsql as $$
    begin
      if old.withdrawn_at is not null
         or new.case_id <> old.case_id or new.categories <> old.categories
         or new.partner_id is distinct from old.partner_id or new.partner_type is distinct from old.partner_type
         or new.purpose <> old.purpose or new.given_on <> old.given_on or new.valid_until <> old.valid_until
         or (old.written_on is not null and new.written_on is distinct from old.written_on) then
        raise exception 'a consent''s scope is fixed, and a withdrawal is final' using errcode = 'check_violation';
      end if;
      return new;
    end $$;
    create trigger consents_guard before update on consents for each row execute function consents_guard();

    -- An emergency request only moves forward: pending → approved / rejected / cancelled, approved → disclosed.
    create function emergency_requests_guard() returns trigger language plpgsql as $$
    begin
      if new.status <> old.status and not (
           (old.status = 'pending' and new.status in ('approved','rejected','cancelled'))
        or (old.status = 'approved' and new.status = 'disclosed')) then
        raise exception 'emergency request cannot go from % to %', old.status, new.status
          using errcode = 'check_violation';
      end if;
      if old.status <> 'pending' and (new.decided_by is distinct from old.decided_by
         or new.reason_enc <> old.reason_enc or new.categories <> old.categories
         or new.partner_id <> old.partner_id) then
        raise exception 'a decided emergency request cannot change' using errcode = 'check_violation';
      end if;
      return new;
    end $$;
    create trigger emergency_requests_guard before update on emergency_requests
      for each row execute function emergency_requests_guard();

    create function disclosures_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the disclosure log is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger disclosures_append_only before update or delete on disclosures
      for each row execute function disclosures_append_only();
  `.execute(db);

  for (const table of [
    'consents',
    'consent_documents',
    'referrals',
    'emergency_requests',
    'case_meetings',
    'disclosures',
  ]) {
    await sql`
      alter table ${sql.id(table)} enable row level security;
      create policy tenant_isolation on ${sql.id(table)} using (org_id = app_org()) with check (org_id = app_org());
    `.execute(db);
  }
  await sql`
    grant select, insert, update on consents, consent_documents, referrals, emergency_requests, case_meetings
      to confidant_runtime;
    grant select, insert on disclosures to confidant_runtime;
    grant update (consent_valid_months, consent_written_days) on organisations to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
