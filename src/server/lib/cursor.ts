import { AppError } from './errors.js';

/** A keyset position: the sort value (a timestamp) and the id that breaks ties. */
export interface KeysetCursor {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of `<ISO time>|<uuid>`. */
export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`, 'utf8').toString('base64url');
}

/**
 * Reads a cursor from a client. Anything that is not exactly what `encodeCursor` writes (a non-UUID id, a
 * date that does not parse, extra parts) is a 400 on `field`, never a database error.
 */
export function decodeCursor(value: string, field: string): KeysetCursor {
  const parts = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const [at, id] = parts;
  const time = at ? Date.parse(at) : Number.NaN;
  if (parts.length !== 2 || !id || !UUID.test(id) || Number.isNaN(time))
    throw new AppError('validation_failed', undefined, {
      errors: [{ field, reason: 'invalid_cursor', message: 'This page cursor is not valid' }],
    });
  return { at: new Date(time), id };
}
