import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/auth.schema.js';
import type { FieldError } from '../../../shared/problem.schema.js';

/** OWASP / NIST minimum for Argon2id: m = 46 MiB, t = 1, p = 1. */
export const ARGON2_PRODUCTION = {
  algorithm: 2 as const,
  memoryCost: 46 * 1024,
  timeCost: 1,
  parallelism: 1,
};

/**
 * For the throwaway accounts of the integration harness only: the suites create and sign in users in almost
 * every file, and at production cost each hash and each check allocates and fills 46 MiB. Verifying reads the
 * parameters from the stored hash, so a test account signs in exactly as a real one does.
 */
const ARGON2_TEST = { algorithm: 2 as const, memoryCost: 1024, timeCost: 1, parallelism: 1 };

let argon2: typeof ARGON2_PRODUCTION = ARGON2_PRODUCTION;

// A hash of a random string: verifying against it costs the same as a real check, so a wrong e-mail address
// takes as long as a wrong password. Made with the parameters in use, like the accounts it stands in for.
let dummy: Promise<string> | undefined;

/**
 * Switches this process to cheap Argon2id parameters for new hashes. Test harnesses only: refused unless
 * NODE_ENV is `test`, and nothing outside src/server/test calls it.
 */
export function useTestPasswordHashing(): void {
  if (process.env.NODE_ENV !== 'test') {
    throw new Error('cheap password hashing is for tests only (NODE_ENV=test)');
  }
  argon2 = ARGON2_TEST;
  dummy = undefined;
}

// ~49,000 common and breached passwords shipped with @zxcvbn-ts/language-common.
const COMMON = new Set<string>(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), argon2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await dummy, password);
}

/**
 * NIST SP 800-63B checks, without composition rules: length, a list of common and breached passwords,
 * repetitive or sequential strings, and words from the context (organisation and user names, e-mail).
 */
export function checkPassword(password: string, context: string[], field = 'password'): FieldError | null {
  const p = password.normalize('NFKC');
  const lower = p.toLowerCase();
  const err = (reason: string, message: string): FieldError => ({ field, reason, message });
  if ([...p].length < PASSWORD_MIN) return err('too_small', `Use at least ${PASSWORD_MIN} characters`);
  if ([...p].length > PASSWORD_MAX) return err('too_big', `Use at most ${PASSWORD_MAX} characters`);
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[\d\W_]+$/u, ''))) {
    return err('common_password', 'This password is too common; it appears in lists of leaked passwords');
  }
  if (isRepetitive(lower)) return err('repetitive', 'Avoid repeated or sequential characters');
  for (const word of contextWords(context)) {
    if (lower.includes(word))
      return err('contains_context', 'Do not use your name, e-mail or organisation in it');
  }
  return null;
}

function contextWords(context: string[]): string[] {
  const words = new Set<string>();
  for (const c of context) {
    const lower = c.toLowerCase().normalize('NFKC');
    for (const w of lower.split(/[\s@._\-+]+/u)) if ([...w].length >= 4) words.add(w);
    const compact = lower.replace(/[\s@._\-+]+/gu, '');
    if ([...compact].length >= 4 && compact.length <= 30) words.add(compact);
  }
  // Common e-mail words would make the rule noisy without adding safety.
  for (const w of ['gmail', 'hotmail', 'outlook', 'example']) words.delete(w);
  return [...words];
}

function isRepetitive(p: string): boolean {
  const chars = [...p];
  if (new Set(chars).size <= 3) return true;
  // Short pattern repeated: "abcabcabcabc", "12341234…".
  for (let n = 1; n <= 4; n++) {
    const unit = chars.slice(0, n).join('');
    if (unit.repeat(Math.ceil(chars.length / n)).slice(0, p.length) === p) return true;
  }
  // Ascending or descending runs across the whole password ("abcdefghijkl", "987654321098").
  let run = 1;
  for (let i = 1; i < chars.length; i++) {
    const d = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    if (Math.abs(d) === 1 || d === -9 || d === 9) run += 1;
  }
  return run === chars.length;
}
