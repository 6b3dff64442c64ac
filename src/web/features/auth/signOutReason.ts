/** Why the user is about to land on the sign-in page; read once by the sign-in page. */
export type SignOutReason = 'signedOut' | 'sessionEnded';

let reason: SignOutReason | null = null;

export function setSignOutReason(value: SignOutReason): void {
  reason = value;
}

export function peekSignOutReason(): SignOutReason | null {
  return reason;
}

export function clearSignOutReason(): void {
  reason = null;
}
