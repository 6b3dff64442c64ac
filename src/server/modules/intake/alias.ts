import type { Db } from '../../db/database.js';
import type { Keyring } from '../../lib/crypto/keyring.js';

/** Letters that Unicode decomposition leaves whole, folded to the plain letters people type instead. */
const FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * The form of an alias that its blind index is computed over: lower case, diacritics removed (é → e,
 * ç → c, Arabic vowel marks and hamza/madda on alef, ş → s), tatweel dropped, whitespace collapsed. "Umm
 * Karîm", "umm  karim" and "UMM KARIM" are the same alias; "Umm Karim" and "Karim" are not (exact match).
 */
export function normaliseAlias(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .toLowerCase()
    .replace(/[ıłøđħßæœ]/g, (c) => FOLDS[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The keyed look-up value of a caller's alias; the alias itself is stored only sealed. */
export function aliasIndex(ctx: { db: Db; keyring: Keyring; actor: { orgId: string } }, alias: string) {
  return ctx.keyring.blindIndex(ctx.db, ctx.actor.orgId, 'caller_alias', normaliseAlias(alias));
}
