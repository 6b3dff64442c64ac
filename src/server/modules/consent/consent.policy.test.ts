import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.js';
import type { Role } from '../../../shared/roles.js';
import { canConfirmTypedSignature } from './consent.policy.js';

const user = (role: Role, userId = 'u-other'): Actor => ({
  kind: 'user',
  userId,
  orgId: 'org',
  role,
  sessionId: 's',
});
const typed = { method: 'signature_typed', recordedBy: 'u-rec', signedBy: 'u-sign', confirmedBy: null };

describe('canConfirmTypedSignature', () => {
  it.each<[Role, boolean]>([
    ['coordinator', true],
    ['counsellor', false],
    ['admin', false],
    ['analyst', false],
    ['privacy_officer', false],
  ])('%s who did not take the signature → %s', (role, expected) => {
    expect(canConfirmTypedSignature(user(role), typed)).toBe(expected);
  });

  it('never lets who recorded the consent or had it signed confirm it, nor confirm twice', () => {
    expect(canConfirmTypedSignature(user('coordinator', 'u-rec'), typed)).toBe(false);
    expect(canConfirmTypedSignature(user('coordinator', 'u-sign'), typed)).toBe(false);
    expect(canConfirmTypedSignature(user('coordinator'), { ...typed, confirmedBy: 'u-x' })).toBe(false);
    expect(canConfirmTypedSignature(user('coordinator'), { ...typed, method: 'signature_drawn' })).toBe(
      false,
    );
    expect(canConfirmTypedSignature(undefined, typed)).toBe(false);
    expect(canConfirmTypedSignature({ kind: 'system', orgId: 'org' }, typed)).toBe(false);
  });
});
