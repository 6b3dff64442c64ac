import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/**
 * Named prepared statements on PostgreSQL, for the pool Kysely reads and writes through.
 *
 * Kysely sends every query unnamed: PostgreSQL parses, analyses and plans it again on every request, and with
 * row-level security on every table that work is most of a small query's cost (issue 15: 0.8 ms of database
 * CPU per statement against 0.3 ms for the same rows without it). Named, a statement is parsed once per
 * connection and its plan cached (generic after five runs, when that is not costlier than a custom plan).
 *
 * Which texts get a name is bounded: a text is named from its third run, and at most `MAX_NAMES` texts are
 * ever named per process (each pooled connection keeps its own copy of each it has run). Texts that vary with
 * their input — an `in ($1, $2, …)` list per length — mostly stay unnamed and run as before; once the limit is
 * reached every new text does. Statements without parameters (BEGIN, COMMIT, SET) keep the one-message
 * simple protocol. Behaviour is unchanged: the same text with the same values; only the round trips differ.
 *
 * A migration that changes a table's columns while connections hold a plan makes PostgreSQL re-plan, or
 * refuse a `select *` whose result type changed ("cached plan must not change result type"); migrations run
 * before the pool opens, and a rolling upgrade restarts every instance.
 */
export const MAX_NAMES = 500;
const RUNS_BEFORE_NAMING = 3;
/** Runs seen per text not yet named; forgotten wholesale when it grows past this (it only delays naming). */
const MAX_COUNTED = 5_000;

/** Names texts from their `runsBeforeNaming`-th run, at most `maxNames` of them; undefined: run unnamed. */
export function statementNamer(
  maxNames = MAX_NAMES,
  runsBeforeNaming = RUNS_BEFORE_NAMING,
): (text: string) => string | undefined {
  const names = new Map<string, string>();
  const runs = new Map<string, number>();
  return (text) => {
    const name = names.get(text);
    if (name !== undefined || names.size >= maxNames) return name;
    const seen = (runs.get(text) ?? 0) + 1;
    if (seen < runsBeforeNaming) {
      if (runs.size >= MAX_COUNTED) runs.clear();
      runs.set(text, seen);
      return undefined;
    }
    runs.delete(text);
    const named = `confidant_${names.size}`;
    names.set(text, named);
    return named;
  };
}

/** One namer per process: a name means the same text on every connection of every pool. */
const statementName = statementNamer();

type Query = (config: unknown, values?: unknown) => unknown;

/** A pool whose checked-out clients send parameterised texts as named prepared statements. */
export function preparedStatements(pool: pg.Pool): PostgresPool {
  return {
    Client: pg.Client,
    // Kysely may cancel a query through a client of its own made from these options.
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      const original = client.query.bind(client) as Query;
      // Kysely calls query(text, values) for statements and query(cursor) for streams; only the first is named.
      const query: Query = (config, values) => {
        if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
          const name = statementName(config);
          if (name) return original({ name, text: config, values });
        }
        return original(config, values);
      };
      return Object.assign(Object.create(client) as pg.PoolClient & PostgresPoolClient, {
        query,
        release: (err?: Error | boolean) => client.release(err),
      });
    },
    end: () => pool.end(),
  };
}
