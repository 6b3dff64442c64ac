import { generate } from 'otplib';

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();
let offsetMs = 0;

/**
 * The server under test may run on a moved clock (TEST_CLOCK_FILE): its TOTP check then expects codes for
 * that time, so codes are generated for the system time plus this offset. It lives as long as the Playwright
 * worker, which runs several spec files one after another: a spec that moves it sets it back to 0 in afterAll.
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
 * A fresh TOTP code. The server accepts each 30-s step once per user and tolerates one step of clock drift,
 * so when this secret already used the current step the next step's code is used at once; only a third
 * code within one step waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  // Avoid the last second of a step: the code could expire between typing and the server checking it.
  const current = Math.floor(now() / STEP_MS);
  if ((current + 1) * STEP_MS - now() < 1_000) await sleepUntil((current + 1) * STEP_MS + 200);
  let step = Math.floor(now() / STEP_MS);
  const last = lastStep.get(secret);
  if (last === step) step += 1;
  else if (last !== undefined && last > step) {
    await sleepUntil(last * STEP_MS + 200);
    step = last + 1;
  }
  lastStep.set(secret, step);
  if (process.env.E2E_TOTP_LOG) console.warn(`totp: code for step ${step}`);
  return generate({ secret, epoch: step * (STEP_MS / 1000) });
}

function sleepUntil(ms: number): Promise<void> {
  const wait = Math.max(0, ms - now());
  // E2E_TOTP_LOG=1: every wait for a TOTP step, to measure what the sign-ins cost.
  if (process.env.E2E_TOTP_LOG) console.warn(`totp: waiting ${wait} ms for a fresh step`);
  return new Promise((resolve) => setTimeout(resolve, wait));
}
