import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './lib/deps.js';
import { isApiRequest } from './lib/route-path.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { intakeRoutes } from './modules/intake/intake.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { retentionRoutes } from './modules/organisations/retention.routes.js';
import { checklistRoutes } from './modules/organisations/checklist.routes.js';
import { taxonomiesRoutes } from './modules/taxonomies/taxonomies.routes.js';
import { workRoutes } from './modules/work/work.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { counsellorsRoutes } from './modules/counsellors/counsellors.routes.js';
import { matchingRoutes } from './modules/matching/matching.routes.js';
import { placesRoutes } from './modules/places/places.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { partnersRoutes } from './modules/partners/partners.routes.js';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { peersRoutes } from './modules/peers/peers.routes.js';
import { consentRoutes } from './modules/consent/consent.routes.js';
import { consentTextRoutes } from './modules/consent-text/consent-text.routes.js';
import { referralsRoutes } from './modules/referrals/referrals.routes.js';
import { emergencyRoutes } from './modules/emergency/emergency.routes.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { cspRoutes } from './modules/csp/csp.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { publicSiteRoutes } from './modules/public-site/public-site.routes.js';
import { publicPagesRoutes } from './modules/public-site/public-pages.routes.js';
import type { Metrics } from './modules/metrics/metrics.service.js';
import { postgresRateLimitStore } from './modules/ratelimit/ratelimit.store.js';
import { installChainKeyring } from './modules/audit/audit.keys.js';
import { registerAccessLog } from './plugins/access-log.js';
import { clientErrorHandler, frameworkErrors } from './plugins/client-errors.js';
import { registerProblemHandler } from './plugins/problem.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { MIN_BODY_LIMIT, registerBodyLimits } from './plugins/body-limits.js';
import { registerSession } from './plugins/session.js';
import { registerWeb } from './plugins/web.js';

export interface BuildOptions {
  databaseKind: 'pglite' | 'postgres';
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  /** Record request metrics (when METRICS_PORT is set). */
  metrics?: Metrics;
}

/** Builds the HTTP app: plugins first, then each module's routes as a plugin. */
export async function buildApp(deps: Deps, opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    trustProxy: deps.config.trustProxy,
    bodyLimit: MIN_BODY_LIMIT,
    requestIdHeader: false,
    frameworkErrors,
    clientErrorHandler,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerBodyLimits(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Confidant API',
        version: '0.1.0',
        description: 'Case management for family-support helplines',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'confidant' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  opts.metrics?.instrument(app);
  await registerSecurityHeaders(app);
  // Per-IP ceiling on the API only: static assets are cacheable and a whole office may share one address.
  // On PostgreSQL the count lives in the database, so every instance enforces one shared limit; if the
  // counter cannot be reached the request goes on (sign-in has its own throttle in the same database).
  await app.register(rateLimit, {
    global: true,
    max: deps.config.apiRateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !isApiRequest(request),
    ...(opts.databaseKind === 'postgres'
      ? { store: postgresRateLimitStore(deps.db, deps.keyring), skipOnError: true }
      : {}),
  });
  await registerSession(app, deps);
  installChainKeyring(deps.keyring);
  registerAccessLog(app, deps);
  const web = opts.web !== false && (await registerWeb(app));
  registerProblemHandler(app, { spaFallback: web });

  await app.register(healthRoutes(deps, opts.databaseKind));
  await app.register(setupRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(organisationsRoutes(deps));
  await app.register(retentionRoutes(deps));
  await app.register(checklistRoutes(deps));
  await app.register(taxonomiesRoutes(deps));
  await app.register(intakeRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(workRoutes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(counsellorsRoutes(deps));
  await app.register(placesRoutes(deps));
  await app.register(matchingRoutes(deps));
  await app.register(trainingRoutes(deps));
  await app.register(partnersRoutes(deps));
  await app.register(knowledgeRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(consentTextRoutes());
  await app.register(referralsRoutes(deps));
  await app.register(emergencyRoutes(deps));
  await app.register(meetingsRoutes(deps));
  await app.register(cspRoutes(deps));
  await app.register(reportsRoutes(deps));
  await app.register(publicSiteRoutes(deps));
  await app.register(publicPagesRoutes(deps));
  await app.register(activitiesRoutes(deps));
  await app.register(peersRoutes(deps));

  app.get(
    '/api/openapi.json',
    { config: { auth: 'public', access: 'none' }, schema: { hide: true } },
    async () => app.swagger(),
  );
  return app;
}
