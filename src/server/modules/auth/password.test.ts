import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkPassword, hashPassword, useTestPasswordHashing, verifyPassword } from './password.js';

const ctx = ['Hulplijn Noord', 'Fatima El Amrani', 'fatima.elamrani@noord.example'];

describe('password rules (NIST SP 800-63B)', () => {
  it.each([
    ['short', 'eleven char', 'too_small'],
    ['common', 'password1234', 'common_password'],
    ['common with digits appended', 'iloveyou2024!', 'common_password'],
    ['repeated', 'aaaaaaaaaaaaaa', 'repetitive'],
    ['a short pattern repeated', 'abcabcabcabcabc', 'repetitive'],
    ['sequential', 'abcdefghijklmn', 'repetitive'],
    ['the organisation name', 'hulplijn-noord-2026', 'contains_context'],
    ['the user name', 'myname is fatima!!', 'contains_context'],
    ['the e-mail address', 'elamrani at the desk', 'contains_context'],
  ])('refuses %s', (_label, password, reason) => {
    expect(checkPassword(password, ctx)?.reason).toBe(reason);
  });

  it.each([
    'correct horse battery staple',
    'tulpen in de regen om zeven uur',
    'شاي بالنعناع في المساء',
    'x'.repeat(3) + 'Ünïcødé passphrase ok',
  ])('accepts %s without composition rules', (password) => {
    expect(checkPassword(password, ctx)).toBeNull();
  });

  it('allows at least 64 characters', () => {
    expect(
      checkPassword('a long sentence that keeps going and going beyond sixty-four chars', ctx),
    ).toBeNull();
  });

  it('hashes with Argon2id at m=46 MiB, t=1, p=1 and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=47104,t=1,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('keeps the production parameters outside NODE_ENV=test, even when asked for cheap ones', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => useTestPasswordHashing()).toThrow(/tests only/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await hashPassword('correct horse battery staple')).toMatch(
      /^\$argon2id\$v=19\$m=47104,t=1,p=1\$/,
    );
  });

  it('is switched to cheap parameters by nothing but the test harness', () => {
    const callers: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.tsx?$/.test(entry.name) &&
          fs.readFileSync(file, 'utf8').includes('useTestPasswordHashing(')
        )
          callers.push(file.split(path.sep).join('/'));
      }
    };
    for (const dir of ['src', 'bench', 'scripts', 'tests']) walk(dir);
    expect(callers.sort()).toEqual([
      'src/server/modules/auth/password.test.ts',
      'src/server/modules/auth/password.ts',
      'src/server/test/harness.ts',
    ]);
  });

  // Last: it switches this file's module to the cheap parameters.
  it('hashes test accounts cheaply under NODE_ENV=test, and they verify like any other', async () => {
    useTestPasswordHashing();
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
  });
});
