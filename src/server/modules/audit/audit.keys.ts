import { hkdfSync } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';

/**
 * What a chain key is for; each purpose gets its own key so one can never stand in for another (an entry's
 * own MAC, `audit-entry` / `access-entry`, can never pass for a chain hash or the other way round).
 */
export type ChainKeyPurpose = 'audit' | 'access' | 'checkpoint' | 'audit-entry' | 'access-entry';

/**
 * The organisation's key for one purpose, derived (HKDF) from its data key. The data key is stored only
 * wrapped by the master key, which the database never holds: an owner of the database can read every row
 * and still not compute a single chain hash or checkpoint. Deriving from the data key rather than from the
 * master key directly keeps chains valid across a master-key rotation (which re-wraps, not replaces, data
 * keys) and lets erasure by key destruction take the organisation's chains with it.
 */
export async function chainKey(
  keyring: Keyring,
  db: Db,
  orgId: string,
  purpose: ChainKeyPurpose,
): Promise<Buffer> {
  const { key } = await keyring.orgKey(db, orgId);
  let derived = derivedKeys.get(key);
  if (!derived) derivedKeys.set(key, (derived = new Map<ChainKeyPurpose, Buffer>()));
  let chain = derived.get(purpose);
  if (!chain) {
    chain = Buffer.from(
      hkdfSync('sha256', key, Buffer.from(orgId, 'utf8'), `confidant:chain:${purpose}`, 32),
    );
    derived.set(purpose, chain);
  }
  return chain;
}

/**
 * Chain keys derived before, by the data key they came from: every write derived the same key again (an HKDF
 * per audit entry). Keyed by the data-key buffer itself, so a rotated or forgotten data key takes its derived
 * keys with it.
 */
const derivedKeys = new WeakMap<Buffer, Map<ChainKeyPurpose, Buffer>>();

let installed: Keyring | undefined;

/**
 * The process's keyring, for the few `audit(ctx)` callers whose context carries no keyring (the signature of
 * `audit` predates keyed chains and stays as it is). Set once when the app or a CLI command starts.
 */
export function installChainKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function keyringFor(ctx: { keyring?: Keyring }): Keyring {
  const keyring = ctx.keyring ?? installed;
  if (!keyring) throw new Error('No keyring: the audit chain cannot be written');
  return keyring;
}
