import type { Db } from '../db/database.js';
import type { AnyActor } from './actor.js';
import type { Clock } from './clock.js';
import type { Keyring } from './crypto/keyring.js';

/** What every service function receives: the transaction, who acts, the time, and the keys. */
export interface Ctx<A extends AnyActor = AnyActor> {
  db: Db;
  actor: A;
  clock: Clock;
  keyring: Keyring;
}
