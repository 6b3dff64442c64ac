import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseloadSchema,
  DashboardQuerySchema,
  DashboardSchema,
  FunderNarrativeSchema,
  FunderQuerySchema,
  FunderReportSchema,
  FunderYearSchema,
  ReportExportSchema,
  ReportQuerySchema,
  ReportSchema,
  ReportSettingsSchema,
} from '../../../shared/reports.schema.js';
import { onReplica } from '../../db/replica.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import { getCaseload, getDashboard } from './dashboard.service.js';
import { exportFunderReport, getFunderReport, saveFunderNarrative } from './funder-report.service.js';
import { exportReport, getReportSettings, runReport, updateReportSettings } from './reports.service.js';

/**
 * Reports are POSTed: the breakdown asked for stays out of addresses and access logs. Reports and dashboards
 * read from the read replica when there is one (`onReplica`); their audit rows go to the primary.
 */
export function reportsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['reports'];
  // Aggregation is heavier than a page view; a person at a screen never needs more.
  const limited = { access: 'none' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };
  return async (app) => {
    app.post(
      '/api/reports/query',
      { config: limited, schema: { tags, body: ReportQuerySchema, response: { 200: ReportSchema } } },
      async (request) =>
        inActorTx(deps, request, (ctx) => onReplica(deps.replica, ctx, (r) => runReport(r, request.body))),
    );
    app.post(
      '/api/reports/export',
      { config: limited, schema: { tags, body: ReportExportSchema } },
      async (request, reply) => {
        const file = await inActorTx(deps, request, (ctx) => exportReport(ctx, request.body, deps.replica));
        return sendFile(reply, { bytes: file.body, mediaType: file.mediaType, name: file.filename });
      },
    );
    app.post(
      '/api/reports/dashboard',
      { config: limited, schema: { tags, body: DashboardQuerySchema, response: { 200: DashboardSchema } } },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          onReplica(deps.replica, ctx, (r) => getDashboard(r, request.body, { primary: ctx })),
        ),
    );
    app.get(
      '/api/reports/caseload',
      { config: { access: 'none' }, schema: { tags, response: { 200: CaseloadSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => getCaseload(ctx)),
    );
    app.get(
      '/api/reports/funder',
      {
        config: { access: 'none' },
        schema: { tags, querystring: FunderQuerySchema, response: { 200: FunderReportSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => getFunderReport(ctx, request.query)),
    );
    app.put(
      '/api/reports/funder',
      {
        config: { access: 'none' },
        schema: { tags, body: FunderNarrativeSchema, response: { 200: FunderReportSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => saveFunderNarrative(ctx, request.body)),
    );
    app.post(
      '/api/reports/funder/export',
      { config: limited, schema: { tags, body: FunderYearSchema } },
      async (request, reply) => {
        const file = await inActorTx(deps, request, (ctx) => exportFunderReport(ctx, request.body));
        return sendFile(reply, { bytes: file.body, mediaType: file.mediaType, name: file.filename });
      },
    );
    app.get(
      '/api/organisation/report-settings',
      { config: { access: 'none' }, schema: { tags, response: { 200: ReportSettingsSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => getReportSettings(ctx)),
    );
    app.put(
      '/api/organisation/report-settings',
      {
        config: { access: 'none' },
        schema: { tags, body: ReportSettingsSchema, response: { 200: ReportSettingsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => updateReportSettings(ctx, request.body)),
    );
  };
}
