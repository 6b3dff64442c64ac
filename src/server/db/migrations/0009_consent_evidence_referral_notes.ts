import { sql, type Kysely } from 'kysely';

/**
 * Issue 14, consent and referrals:
 * - a typed-name signature records its evidence (who was present, the device, when, the exact text shown and
 *   its SHA-256) and, for a disclosure to the authorities, needs a second staff member's confirmation — a
 *   database trigger refuses such a disclosure-log row without it, and a check keeps the confirmer apart
 *   from whoever took the signature;
 * - a partner's response note on a referral is kept, encrypted;
 * - alerts for a proposed referral cancelled by a withdrawal, and for a typed signature awaiting confirmation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_declined','offer_expired',
                      'emergency_request','emergency_decided','referral_cancelled','consent_confirmation'));

    alter table referrals add column response_note_enc bytea;

    alter table consents
      add column typed_present_enc bytea,
      add column typed_device_enc bytea,
      add column typed_shown_text_enc bytea,
      add column typed_shown_sha256 bytea check (typed_shown_sha256 is null or octet_length(typed_shown_sha256) = 32),
      add column typed_signed_at timestamptz,
      add column typed_signed_by uuid references users(id),
      add column typed_confirmed_by uuid references users(id),
      add column typed_confirmed_at timestamptz,
      add constraint consents_typed_confirmed_by_another check (
        typed_confirmed_by is null
        or (typed_confirmed_by is distinct from typed_signed_by and typed_confirmed_by is distinct from recorded_by)),
      add constraint consents_typed_confirmed_together check ((typed_confirmed_by is null) = (typed_confirmed_at is null));

    -- The authorities: purpose "authority referral", or a partner of a type intervention I9 names.
    create function disclosures_typed_signature_confirmed() returns trigger language plpgsql as $$
    declare
      c consents%rowtype;
      p partners%rowtype;
    begin
      if new.consent_id is null then
        return new;
      end if;
      select * into c from consents where id = new.consent_id and org_id = new.org_id;
      select * into p from partners where id = new.partner_id and org_id = new.org_id;
      if new.kind = 'referral' and c.method = 'signature_typed' and c.typed_confirmed_by is null
         and (new.purpose = 'authority_referral'
              or p.type in ('municipality','zorg_veiligheidshuis','police','veilig_thuis')) then
        raise exception 'a typed signature needs a second staff member''s confirmation before a disclosure to the authorities'
          using errcode = 'check_violation';
      end if;
      return new;
    end $$;
    create trigger disclosures_typed_signature_confirmed before insert on disclosures
      for each row execute function disclosures_typed_signature_confirmed();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
