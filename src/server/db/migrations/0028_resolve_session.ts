import { sql, type Kysely } from 'kysely';

/**
 * Issue 15, reading fast: a request's session (session row, its user, the organisation) is resolved in one
 * statement, inside the request's own transaction, instead of a look-up plus a transaction of its own.
 *
 * `auth_resolve_session` applies every rule the app applied before, at the time the app passes in (tests move
 * the clock): a revoked or expired session, or one whose user may no longer sign in, yields no row; a session
 * idle for longer than `p_idle_ms` is revoked on the spot and yields no row; `last_seen_at` is moved only when
 * it is older than `p_touch_ms`, and never waits for a concurrent request doing the same (`skip locked`).
 * Like `auth_find_session` it runs before the organisation is known, so it is a security definer; it returns
 * only what the request needs to act (ids, stage, role).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function auth_resolve_session(p_token_hash bytea, p_now timestamptz, p_idle_ms bigint, p_touch_ms bigint)
      returns table (r_org_id uuid, r_session_id uuid, r_user_id uuid, r_stage text, r_role text)
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
    declare
      s record;
    begin
      select se.id, se.org_id, se.user_id, se.stage, se.last_seen_at, se.expires_at, se.revoked_at,
             u.role, u.status
        into s
        from sessions se join users u on u.id = se.user_id
        where se.token_hash = p_token_hash;
      if not found or s.revoked_at is not null or s.expires_at <= p_now then
        return;
      end if;
      if p_now - s.last_seen_at > make_interval(secs => p_idle_ms / 1000.0) then
        update sessions set revoked_at = p_now where id = s.id and revoked_at is null;
        return;
      end if;
      if not (s.status = 'active' or (s.status = 'invited' and s.stage = 'enrol')) then
        return;
      end if;
      if p_now - s.last_seen_at > make_interval(secs => p_touch_ms / 1000.0) then
        update sessions set last_seen_at = p_now
          where id = (select l.id from sessions l where l.id = s.id
                        and l.last_seen_at < p_now - make_interval(secs => p_touch_ms / 1000.0)
                      for update skip locked);
      end if;
      r_org_id := s.org_id;
      r_session_id := s.id;
      r_user_id := s.user_id;
      r_stage := s.stage;
      r_role := s.role;
      return next;
    end $$;
    revoke execute on function auth_resolve_session(bytea, timestamptz, bigint, bigint) from public;
    grant execute on function auth_resolve_session(bytea, timestamptz, bigint, bigint) to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
