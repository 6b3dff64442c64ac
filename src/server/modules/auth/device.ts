import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../lib/deps.js';

/**
 * A known device: after a full sign-in (password and second factor) the browser gets a signed cookie naming a
 * random device id, bound to the e-mail address. Someone who only knows the address can lock it out from
 * unknown devices at worst; on a known device the real user is throttled only by their own failures there.
 * The cookie is no credential: password and second factor are still asked every time.
 */
const DEVICE_DAYS = 180;

function mac(deps: Pick<Deps, 'keyring'>, deviceId: string, email: string): string {
  return deps.keyring.systemHmac('device', `${deviceId}|${email.toLowerCase()}`).toString('base64url');
}

export function newDeviceToken(deps: Pick<Deps, 'keyring'>, email: string): string {
  const deviceId = randomBytes(16).toString('base64url');
  return `${deviceId}.${mac(deps, deviceId, email)}`;
}

/** The device id if the token was issued by us for this address, else undefined. */
export function knownDevice(
  deps: Pick<Deps, 'keyring'>,
  token: string | undefined,
  email: string,
): string | undefined {
  if (!token || token.length > 200) return undefined;
  const [deviceId, given] = token.split('.');
  if (!deviceId || !given) return undefined;
  const a = Buffer.from(given);
  const b = Buffer.from(mac(deps, deviceId, email));
  return a.length === b.length && timingSafeEqual(a, b) ? deviceId : undefined;
}

const cookieName = (request: FastifyRequest) =>
  request.protocol === 'https' ? '__Host-confidant-device' : 'confidant_device';

export function readDeviceCookie(request: FastifyRequest): string | undefined {
  return request.cookies[cookieName(request)];
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName(request), token, {
    httpOnly: true,
    secure: request.protocol === 'https',
    sameSite: 'strict',
    path: '/',
    maxAge: DEVICE_DAYS * 86_400,
  });
}
