import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { ZodError } from 'zod';
import type { FieldError } from '../../../shared/problem.schema.js';
import { CallbackFormSchema } from '../../../shared/public-site.schema.js';
import { inOrg } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import { sealOptional, sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { normalisePhone, phoneIndex } from '../intake/phone.js';
import { countHit } from '../ratelimit/ratelimit.repository.js';
import type { FormValues } from './public-site.html.js';
import { scheduleCallbackPurge } from './callbacks.jobs.js';
import * as repo from './public-site.repository.js';

/** Callback requests accepted per client address per hour. */
export const CALLBACKS_PER_IP_PER_HOUR = 5;
/** A person needs at least this long to read and fill the form; a faster post is a script. */
export const MIN_FILL_MS = 3_000;
/** A form older than this is refused as expired (it is re-drawn with a fresh token). */
export const MAX_FORM_AGE_MS = 2 * 3_600_000;
const HOUR = 3_600_000;

/** A time-to-submit token: the time the form was drawn and an HMAC over it under an installation key. */
export function formToken(deps: Deps): string {
  const at = String(deps.clock.now().getTime());
  return `${at}.${deps.keyring.systemHmac('callback-form', at).toString('base64url')}`;
}

/** The form's age in ms, or undefined when the token is missing, forged or from the future. */
function tokenAge(deps: Deps, token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  const [at, sig] = token.split('.');
  if (!at || !sig || !/^\d{1,15}$/.test(at)) return undefined;
  const expected = deps.keyring.systemHmac('callback-form', at);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const age = deps.clock.now().getTime() - Number(at);
  return age >= 0 ? age : undefined;
}

export type CallbackOutcome =
  /** Stored; the visitor sees the neutral confirmation. */
  | { kind: 'accepted' }
  /** A bot (honeypot filled, or posted faster than a person can): nothing stored, the same confirmation. */
  | { kind: 'decoy' }
  | { kind: 'invalid'; errors: FieldError[]; values: FormValues }
  | { kind: 'limited' };

const invalid = (field: string, reason: string, message: string): FieldError => ({ field, reason, message });

/** Zod's issues as field errors with reasons the web and the public form both translate. */
function fieldErrors(error: ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    const named = (issue as { params?: { reason?: string } }).params?.reason;
    const reason =
      named ??
      (issue.code === 'too_small'
        ? 'required'
        : issue.code === 'too_big'
          ? 'too_big'
          : issue.code === 'invalid_type' && issue.input === undefined
            ? 'required'
            : 'invalid_value');
    out.push(invalid(field, reason, issue.message));
  }
  return out;
}

function valuesOf(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const k of ['alias', 'phone', 'language', 'safeTimes', 'mayLeaveMessage', 'question'] as const) {
    const v = body[k];
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
  }
  return out;
}

/**
 * A callback request from the public form. Checks, in order: the honeypot and the time-to-submit token
 * (a bot gets the same confirmation as a person and nothing is stored), the fields, the per-address limit
 * (counted in the database, by a keyed hash of the address), then stores it sealed like an intake, with the
 * phone number indexed by the same keyed HMAC. Whether the number is known is never part of the answer.
 */
export async function submitCallback(
  deps: Deps,
  orgId: string,
  req: { body: Record<string, unknown>; ip: string },
): Promise<CallbackOutcome> {
  const { body } = req;
  const values = valuesOf(body);
  if (typeof body.website === 'string' && body.website.trim() !== '') return { kind: 'decoy' };
  const age = tokenAge(deps, body.t);
  if (age !== undefined && age < MIN_FILL_MS) return { kind: 'decoy' };
  if (age === undefined || age > MAX_FORM_AGE_MS) {
    return {
      kind: 'invalid',
      errors: [invalid('form', 'expired', 'The form has expired; send it again')],
      values,
    };
  }
  const parsed = CallbackFormSchema.safeParse(body);
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const e164 = typeof body.phone === 'string' ? normalisePhone(body.phone.slice(0, 40)) : undefined;
  if (!e164 && !errors.some((e) => e.field === 'phone'))
    errors.push(invalid('phone', 'invalid_phone', 'This is not a valid phone number'));
  if (!parsed.success || !e164 || errors.length) return { kind: 'invalid', errors, values };

  const now = deps.clock.now();
  const window = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const hits = await countHit(deps.db, deps.keyring.systemHmac('public-callback', req.ip), window);
  if (hits > CALLBACKS_PER_IP_PER_HOUR) return { kind: 'limited' };

  const input = parsed.data;
  await inOrg(deps.db, orgId, async (trx) => {
    const ctx = {
      db: trx,
      actor: { kind: 'system' as const, orgId },
      clock: deps.clock,
      keyring: deps.keyring,
    };
    const id = randomUUID();
    await repo.insertCallback(trx, {
      id,
      org_id: orgId,
      language: input.language,
      alias_enc: await sealText(ctx, 'callback_requests', 'alias', id, input.alias),
      phone_enc: await sealText(ctx, 'callback_requests', 'phone', id, e164),
      phone_hmac: await phoneIndex(ctx, e164),
      safe_times_enc: await sealText(ctx, 'callback_requests', 'safe_times', id, input.safeTimes),
      may_leave_message: input.mayLeaveMessage === 'yes',
      question_enc: await sealOptional(ctx, 'callback_requests', 'question', id, input.question),
      status: 'open',
      created_at: now,
    });
    await audit(ctx, {
      action: 'callback.create',
      entity: 'callback_request',
      entityId: id,
      changedFields: ['alias', 'phone', 'language', 'safe_times', 'may_leave_message', 'question'],
      details: { language: input.language },
    });
    await scheduleCallbackPurge(ctx);
  });
  return { kind: 'accepted' };
}
