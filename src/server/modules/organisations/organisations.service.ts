import type { OrgSettings } from '../../../shared/work.schema.js';
import type { z } from 'zod';
import type { OrgSettingsUpdateSchema } from '../../../shared/work.schema.js';
import type { Ctx } from '../../lib/context.js';
import { isTimeZone } from '../../lib/dates.js';
import { invalidField } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizeOrganisation } from './organisations.policy.js';
import { aftercareSchedule } from '../cases/aftercare.service.js';
import type { EmergencySettings } from '../../../shared/four-eyes.schema.js';
import {
  getConsentSettings,
  getEmergencySettings,
  getTimeZone,
  updateAftercareSchedule,
  updateConsentSettings,
  updateEmergencySettings,
  updateTimeZone,
} from './organisations.repository.js';

/** How long consent runs by default, and how many days verbal consent has to become written. */
export async function consentSettings(
  ctx: Pick<Ctx, 'db' | 'actor'>,
): Promise<{ validMonths: number; writtenDays: number }> {
  return getConsentSettings(ctx.db, ctx.actor.orgId);
}

export async function getSettings(ctx: Ctx): Promise<OrgSettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.view');
  return {
    aftercareSchedule: await aftercareSchedule(ctx),
    consent: await consentSettings(ctx),
    timeZone: await getTimeZone(ctx.db, ctx.actor.orgId),
  };
}

/**
 * The admin sets the aftercare intervals per support level (closed cases keep the tasks they got), the
 * consent periods (consents already recorded keep their dates) and the time zone.
 */
export async function updateSettings(
  ctx: Ctx,
  input: z.infer<typeof OrgSettingsUpdateSchema>,
): Promise<OrgSettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.update');
  // Validated before anything is written: a name the runtime does not know would make every "today" fail.
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw invalidField('timeZone', 'unknown_time_zone', 'Unknown time zone');
  }
  const changed: string[] = [];
  if (input.aftercareSchedule) {
    const sorted = {
      light: [...input.aftercareSchedule.light].sort((a, b) => a - b),
      moderate: [...input.aftercareSchedule.moderate].sort((a, b) => a - b),
      intensive: [...input.aftercareSchedule.intensive].sort((a, b) => a - b),
    };
    await updateAftercareSchedule(ctx.db, ctx.actor.orgId, sorted, ctx.clock.now());
    changed.push('aftercare_schedule');
  }
  if (input.consent) {
    await updateConsentSettings(ctx.db, ctx.actor.orgId, input.consent, ctx.clock.now());
    changed.push('consent_valid_months', 'consent_written_days');
  }
  if (input.timeZone !== undefined) {
    await updateTimeZone(ctx.db, ctx.actor.orgId, input.timeZone, ctx.clock.now());
    changed.push('time_zone');
  }
  if (changed.length)
    await audit(ctx, {
      action: 'organisation.settings_update',
      entity: 'organisation',
      entityId: ctx.actor.orgId,
      changedFields: changed,
    });
  return getSettings(ctx);
}

/** The emergency settings: coordinators read them (the form offers only allowed grounds), admins too. */
export async function emergencySettings(ctx: Ctx): Promise<EmergencySettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.view');
  return getEmergencySettings(ctx.db, ctx.actor.orgId);
}

/**
 * The admin sets how long an account must hold its role before the emergency path opens to it (at least a
 * day), and whether the organisation's legal basis names serious crime as a ground. Requests already made
 * keep their ground.
 */
export async function updateEmergency(ctx: Ctx, input: EmergencySettings): Promise<EmergencySettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.update');
  const before = await getEmergencySettings(ctx.db, ctx.actor.orgId);
  const changed = [
    ...(before.minAccountDays !== input.minAccountDays ? ['emergency_min_account_days'] : []),
    ...(before.seriousCrimeAllowed !== input.seriousCrimeAllowed ? ['emergency_serious_crime'] : []),
  ];
  if (changed.length) {
    await updateEmergencySettings(ctx.db, ctx.actor.orgId, input, ctx.clock.now());
    await audit(ctx, {
      action: 'organisation.emergency_settings_update',
      entity: 'organisation',
      entityId: ctx.actor.orgId,
      changedFields: changed,
      details: { minAccountDays: input.minAccountDays, seriousCrimeAllowed: input.seriousCrimeAllowed },
    });
  }
  return getEmergencySettings(ctx.db, ctx.actor.orgId);
}
