import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { toBuffer, type Db } from '../../db/database.js';
import { open, seal } from './aead.js';
import { findCurrentOrgKey, insertOrgKey } from './keyring.repository.js';
import type { MasterKey } from './master-key.js';

const FORMAT_V1 = 1;

/**
 * Per-organisation data keys, wrapped by the master key and cached unwrapped in memory. Destroying an
 * organisation's key rows makes all its encrypted fields unreadable (erasure by key destruction).
 */
export class Keyring {
  readonly #masters: MasterKey[];
  readonly #cache = new Map<string, { version: number; key: Buffer }>();
  /** Blind-index sub-keys, by the data key they were derived from (gone with it). */
  readonly #indexKeys = new WeakMap<Buffer, Map<string, Buffer>>();

  constructor(masters: MasterKey[]) {
    if (masters.length === 0) throw new Error('No master key');
    this.#masters = masters;
  }

  get currentMaster(): MasterKey {
    return this.#masters[0]!;
  }

  /** Creates the first data key of a new organisation (inside the transaction that creates it). */
  async createOrgKey(db: Db, orgId: string, now: Date): Promise<void> {
    const key = randomBytes(32);
    const wrapped = wrapKey(this.currentMaster, key, orgId, 1);
    await insertOrgKey(db, {
      org_id: orgId,
      version: 1,
      wrapped_key: wrapped,
      master_key_id: this.currentMaster.id,
      created_at: now,
    });
    this.#cache.set(orgId, { version: 1, key });
  }

  /** The organisation's current data key; `db` must be scoped to that organisation. */
  async orgKey(db: Db, orgId: string): Promise<{ version: number; key: Buffer }> {
    const cached = this.#cache.get(orgId);
    if (cached) return cached;
    const row = await findCurrentOrgKey(db, orgId);
    if (!row) throw new Error('The organisation has no data key');
    const master = this.#masters.find((m) => m.id === row.master_key_id);
    if (!master) throw new Error(`The master key ${row.master_key_id} is not configured`);
    const key = unwrapKey(master, row.wrapped_key, orgId, row.version);
    const entry = { version: row.version, key };
    this.#cache.set(orgId, entry);
    return entry;
  }

  /** Encrypts a field, bound to organisation, table, column and record id. */
  async encrypt(db: Db, orgId: string, ctx: FieldContext, plaintext: string): Promise<Buffer> {
    return this.encryptBytes(db, orgId, ctx, Buffer.from(plaintext, 'utf8'));
  }

  async decrypt(db: Db, orgId: string, ctx: FieldContext, sealed: Uint8Array): Promise<string> {
    return (await this.decryptBytes(db, orgId, ctx, sealed)).toString('utf8');
  }

  /** Encrypts bytes (an uploaded file, a drawn signature) exactly as a text field. */
  async encryptBytes(db: Db, orgId: string, ctx: FieldContext, plaintext: Buffer): Promise<Buffer> {
    const { version, key } = await this.orgKey(db, orgId);
    const header = Buffer.from([FORMAT_V1, version >> 8, version & 0xff]);
    const body = seal(key, plaintext, aad(orgId, ctx, version));
    return Buffer.concat([header, body]);
  }

  async decryptBytes(db: Db, orgId: string, ctx: FieldContext, sealed: Uint8Array): Promise<Buffer> {
    const buf = toBuffer(sealed);
    if (buf[0] !== FORMAT_V1) throw new Error('Unknown ciphertext format');
    const version = (buf[1]! << 8) | buf[2]!;
    const { version: current, key } = await this.orgKey(db, orgId);
    if (version !== current) throw new Error('Data key version not loaded');
    return open(key, buf.subarray(3), aad(orgId, ctx, version));
  }

  /** Keyed HMAC for look-ups without storing a value in clear (phone numbers, throttling keys). */
  async blindIndex(db: Db, orgId: string, purpose: string, value: string): Promise<Buffer> {
    const { key } = await this.orgKey(db, orgId);
    // The sub-key is derived once per data key and purpose, not once per look-up.
    let subs = this.#indexKeys.get(key);
    if (!subs) this.#indexKeys.set(key, (subs = new Map<string, Buffer>()));
    let sub = subs.get(purpose);
    if (!sub) {
      sub = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `confidant:index:${purpose}`, 32));
      subs.set(purpose, sub);
    }
    return createHmac('sha256', sub).update(value, 'utf8').digest();
  }

  /** Installation-wide keyed hash, derived from the master key; for data not tied to an organisation. */
  systemHmac(purpose: string, value: string): Buffer {
    const sub = Buffer.from(
      hkdfSync('sha256', this.currentMaster.key, Buffer.alloc(0), `confidant:system:${purpose}`, 32),
    );
    return createHmac('sha256', sub).update(value, 'utf8').digest();
  }

  forget(orgId: string): void {
    this.#cache.delete(orgId);
  }
}

export interface FieldContext {
  table: string;
  column: string;
  id: string;
}

function aad(orgId: string, ctx: FieldContext, version: number): Buffer {
  return Buffer.from(`confidant:v1:${orgId}:${ctx.table}.${ctx.column}:${ctx.id}:k${version}`, 'utf8');
}

function keyAad(orgId: string, version: number): Buffer {
  return Buffer.from(`confidant:orgkey:${orgId}:${version}`, 'utf8');
}

export function wrapKey(master: MasterKey, key: Buffer, orgId: string, version: number): Buffer {
  return seal(master.key, key, keyAad(orgId, version));
}

export function unwrapKey(master: MasterKey, wrapped: Buffer, orgId: string, version: number): Buffer {
  return open(master.key, wrapped, keyAad(orgId, version));
}
