import { sql, type Kysely } from 'kysely';

/**
 * Audit and access-log entries are written unchained and linked into their organisation's chain afterwards,
 * in batches, by a linker (`modules/audit/audit.linker.ts`): a request no longer reads or locks a chain head.
 *
 * - `entry` (a random id chosen by the writer) and `mac` (HMAC under a key derived from the organisation's
 *   data key, over the entry's own canonical fields and `entry`): an entry is authenticated from the moment
 *   it is written, before it has a place in the chain. `entry` also makes a copied row show (two rows, one
 *   entry id) and is what a sealed access reason is bound to (its chain place is not known when it is sealed).
 * - `seq`, `prev_hash`, `hash` may be null: null until the linker sets them, once.
 * - `audit_log.id`: an identity (the order in which the linker takes waiting entries, and the viewers' order
 *   and cursor). Existing entries are numbered in chain order, per organisation.
 * - The append-only triggers keep their names and now allow exactly one change: setting `seq`, `prev_hash`
 *   and `hash` of an authenticated entry (one with a `mac`) where all three were null, nothing else in the row
 *   changing. Deletes stay forbidden. The runtime role may update only those three columns.
 * - A row is either chained or authenticated (`seq` or `mac`), checked for new access-log rows only: those
 *   written before the access log was chained (before 0011) have neither, and stay as they are.
 * - `audit_unlinked_orgs()`: the organisations with entries waiting, for the linker, which runs without one.
 *
 * Entries written before this migration are not touched, except that audit entries get their `id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log disable trigger audit_log_append_only;
    alter table audit_log add column id bigint;
    update audit_log a set id = n.n
      from (select org_id, seq, row_number() over (order by org_id, seq) as n from audit_log) n
      where n.org_id = a.org_id and n.seq = a.seq;
    alter table audit_log enable trigger audit_log_append_only;
    alter table audit_log alter column id set not null;
    alter table audit_log alter column id add generated always as identity;
    select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false);

    alter table audit_log drop constraint audit_log_pkey;
    alter table audit_log add primary key (org_id, id);
    alter table audit_log alter column seq drop not null;
    alter table audit_log alter column prev_hash drop not null;
    alter table audit_log alter column hash drop not null;
    create unique index audit_log_seq_idx on audit_log (org_id, seq) where seq is not null;
    drop index audit_log_actor_idx;
    drop index audit_log_entity_idx;
    create index audit_log_actor_idx on audit_log (org_id, actor_id, id);
    create index audit_log_entity_idx on audit_log (org_id, entity, entity_id, id);

    alter table audit_log add column entry uuid;
    alter table audit_log add column mac bytea;
    alter table audit_log add constraint audit_log_chained_or_authenticated
      check (seq is not null or (entry is not null and mac is not null));
    create index audit_log_unlinked_idx on audit_log (org_id, id) where seq is null;

    alter table access_log add column entry uuid;
    alter table access_log add column mac bytea;
    alter table access_log add constraint access_log_chained_or_authenticated
      check (seq is not null or (entry is not null and mac is not null)) not valid;
    create index access_log_unlinked_idx on access_log (org_id, id) where seq is null and mac is not null;

    create function audit_link_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE'
         and old.seq is null and old.prev_hash is null and old.hash is null and old.mac is not null
         and new.seq is not null and new.prev_hash is not null and new.hash is not null
         and (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash')
      then
        return new;
      end if;
      raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end $$;
    drop trigger audit_log_append_only on audit_log;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_link_only();
    drop trigger access_log_append_only on access_log;
    create trigger access_log_append_only before update or delete on access_log
      for each row execute function audit_link_only();
    grant update (seq, prev_hash, hash) on audit_log, access_log to confidant_runtime;

    create function audit_unlinked_orgs() returns table (id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select org_id from audit_log where seq is null
      union
      select org_id from access_log where seq is null and mac is not null
    $$;
    revoke execute on function audit_unlinked_orgs() from public;
    grant execute on function audit_unlinked_orgs() to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
