import { generate } from 'otplib';

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();
let offsetMs = 0;

/**
 * The server under test may run on a moved clock (TEST_CLOCK_FILE): its TOTP check then expects codes for
 * that time, so codes are generated for the system time plus this offset.
 */
export function setTotpClockOffset(ms: number): void {
  offsetMs = ms;
}

const now = () => Date.now() + offsetMs;

/** The secret as otplib wants it: the manual key without spaces. */
export function secretFromManualKey(manualKey: string): string {
  return manualKey.replace(/\s+/g, '').toUpperCase();
}

/**
 * A fresh TOTP code. The server accepts each 30-s step once per user, so when this secret already used the
 * current step we wait for the next one (rare: only when one user needs two codes within 30 s).
 */
export async function totpCode(secret: string): Promise<string> {
  let step = Math.floor(now() / STEP_MS);
  if (lastStep.get(secret) === step) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_MS - now() + 200));
    step = Math.floor(now() / STEP_MS);
  }
  // Avoid the last second of a step: the code could expire between typing and the server checking it.
  if ((step + 1) * STEP_MS - now() < 1_000) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_MS - now() + 200));
    step = Math.floor(now() / STEP_MS);
  }
  lastStep.set(secret, step);
  return generate({ secret, epoch: Math.floor(now() / 1000) });
}
