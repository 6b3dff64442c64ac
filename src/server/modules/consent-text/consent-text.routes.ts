import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConsentTextParamsSchema, ConsentTextSchema } from '../../../shared/consent-text.schema.js';
import { actorOf } from '../../plugins/session.js';
import { consentText } from './consent-text.service.js';

/** The consent text read to the caller, in a form language (static text: no transaction needed). */
export function consentTextRoutes(): FastifyPluginAsyncZod {
  const tags = ['consent'];
  return async (app) => {
    app.get(
      '/api/consent-text/:language',
      {
        config: { access: 'none' },
        schema: { tags, params: ConsentTextParamsSchema, response: { 200: ConsentTextSchema } },
      },
      async (request) => consentText(actorOf(request), request.params.language),
    );
  };
}
