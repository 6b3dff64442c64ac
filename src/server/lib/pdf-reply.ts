import type { FastifyReply } from 'fastify';

/**
 * Sends a generated PDF or stored file as a download. The file name is chosen by the server and carries
 * only a kind, never case content or a person's name; the API's no-store headers keep it out of caches.
 */
export function sendFile(reply: FastifyReply, file: { bytes: Buffer; mediaType: string; name: string }) {
  const safe = file.name.replace(/[^A-Za-z0-9._-]+/g, '_');
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${safe}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
