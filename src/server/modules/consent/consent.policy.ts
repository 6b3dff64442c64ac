import type { AnyActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/** Who took a typed-name signature: the staff member who recorded the consent, and who had it signed. */
export interface TypedSignatureFacts {
  method: string;
  recordedBy: string | null;
  signedBy: string | null;
  confirmedBy: string | null;
}

/**
 * The second pair of eyes on a typed-name signature: a coordinator who neither recorded the consent nor
 * had it signed, once. Anyone else, a signature of another kind, or one already confirmed → no.
 */
export function canConfirmTypedSignature(actor: AnyActor | undefined, s: TypedSignatureFacts): boolean {
  if (!actor || actor.kind !== 'user' || actor.role !== 'coordinator') return false;
  if (s.method !== 'signature_typed' || s.confirmedBy !== null) return false;
  return actor.userId !== s.recordedBy && actor.userId !== s.signedBy;
}

export function authorizeConfirmTypedSignature(actor: AnyActor | undefined, s: TypedSignatureFacts): void {
  if (!canConfirmTypedSignature(actor, s)) throw new AppError('forbidden');
}
