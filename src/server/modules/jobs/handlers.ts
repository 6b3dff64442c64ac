import { auditJobHandlers } from '../audit/audit.jobs.js';
import { caseJobHandlers } from '../cases/cases.jobs.js';
import { matchingJobHandlers } from '../matching/matching.service.js';
import { notificationJobHandlers } from '../notifications/notifications.service.js';
import { peerJobHandlers } from '../peers/peers.jobs.js';
import { callbackJobHandlers } from '../public-site/callbacks.jobs.js';
import { reportJobHandlers } from '../reports/reports.jobs.js';
import type { JobHandler } from './jobs.service.js';
import { systemHandlers } from './jobs.worker.js';

/** Every job kind and its handler, listed explicitly (no registration by import side effect). */
export const jobHandlers: Record<string, JobHandler> = {
  ...systemHandlers,
  ...auditJobHandlers,
  ...caseJobHandlers,
  ...matchingJobHandlers,
  ...notificationJobHandlers,
  ...peerJobHandlers,
  ...callbackJobHandlers,
  ...reportJobHandlers,
};
