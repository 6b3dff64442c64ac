import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DB } from '../db/database.js';
import type { Clock } from './clock.js';
import type { Keyring } from './crypto/keyring.js';
import type { Mailer } from './mailer.js';

/** Process-wide dependencies, built once in buildApp and passed to the flows that precede an actor. */
export interface Deps {
  db: Kysely<DB>;
  /**
   * Where reads that may lag a moment go (reports, dashboards): the read replica's pool when
   * DATABASE_REPLICA_URL is set. Absent → the primary, in the request's own transaction (db/replica.ts).
   */
  replica?: Kysely<DB>;
  keyring: Keyring;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Present when SMTP_URL is set. */
  mailer?: Mailer;
}
