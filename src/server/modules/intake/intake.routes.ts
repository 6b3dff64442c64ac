import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DraftSaveSchema,
  DraftSchema,
  IntakeResultSchema,
  IntakeSchema,
  KnownCallerSchema,
  PhoneLookupSchema,
} from '../../../shared/cases.schema.js';
import type { Deps } from '../../lib/deps.js';
import { bodyLimitFor } from '../../plugins/body-limits.js';
import { inActorTx } from '../../lib/request-context.js';
import * as intake from './intake.service.js';

const IdParams = z.object({ id: z.uuid() });

/**
 * A draft is the intake form's values as the browser holds them, free-form JSON no schema bounds: at most
 * what a whole intake holds, twice over for the form's own fields.
 */
const DRAFT_BODY_LIMIT = 2 * bodyLimitFor(IntakeSchema);

export function intakeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['intake'];
  return async (app) => {
    app.post(
      '/api/intake',
      {
        config: { access: 'none' },
        schema: { tags, body: IntakeSchema, response: { 200: IntakeResultSchema } },
      },
      async (request) => {
        const save = () => inActorTx(deps, request, (ctx) => intake.saveIntake(ctx, request.body));
        try {
          return await save();
        } catch (err) {
          // A double submit lost the race to its twin: run again, and answer with the twin's contact.
          if (err instanceof intake.SavedMeanwhile) return save();
          throw err;
        }
      },
    );
    // POST, not GET: the phone number must never appear in a URL.
    app.post(
      '/api/intake/lookup',
      {
        config: { access: { entity: 'phone_lookup', purpose: 'repeat_caller' } },
        schema: { tags, body: PhoneLookupSchema, response: { 200: KnownCallerSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => intake.lookupPhone(ctx, request.body.phone)),
    );
    app.get(
      '/api/intake/drafts',
      {
        config: { access: { entity: 'intake_draft', purpose: 'list' } },
        schema: { tags, response: { 200: z.object({ items: z.array(DraftSchema) }) } },
      },
      async (request) => inActorTx(deps, request, (ctx) => intake.listDrafts(ctx)),
    );
    app.put(
      '/api/intake/drafts/:id',
      {
        config: { access: 'none' },
        bodyLimit: DRAFT_BODY_LIMIT,
        schema: { tags, params: IdParams, body: DraftSaveSchema, response: { 200: DraftSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => intake.saveDraft(ctx, request.params.id, request.body.data)),
    );
    app.delete(
      '/api/intake/drafts/:id',
      { config: { access: 'none' }, schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) => intake.discardDraft(ctx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
