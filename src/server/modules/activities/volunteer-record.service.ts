import {
  VOLUNTEER_RECORD_YEARS,
  type VolunteerRecord,
  type VolunteerYear,
} from '../../../shared/activities.schema.js';
import type { Ctx } from '../../lib/context.js';
import { dayIn, instantAt } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { authorizeVolunteerRecord } from './volunteer-record.policy.js';
import * as repo from './volunteer-record.repository.js';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * A counsellor's volunteer record per calendar year (in the organisation's time zone), newest first: the
 * activities they facilitated up to today (planned ones count once held) and their hours, the minutes of contact they logged on cases, the training
 * sessions they attended and the courses they completed. The current year is always there; earlier years
 * only when something happened in them, back to {@link VOLUNTEER_RECORD_YEARS} years. Counts only, so no
 * access-log entry: nothing of a case is read.
 */
export async function volunteerRecord(ctx: Ctx, userId: string): Promise<VolunteerRecord> {
  authorizeVolunteerRecord(ctx.actor, 'volunteer_record.view', { userId });
  const person = await repo.findVolunteer(ctx.db, ctx.actor.orgId, userId);
  if (!person) throw new AppError('not_found', 'No such volunteer');
  const timeZone = await getTimeZone(ctx.db, ctx.actor.orgId);
  const today = dayIn(timeZone, ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const firstYear = thisYear - VOLUNTEER_RECORD_YEARS + 1;
  const from = `${firstYear}-01-01`;
  const since = instantAt(timeZone, from);

  const years = new Map<number, VolunteerYear>();
  const year = (y: number): VolunteerYear | undefined => {
    if (y < firstYear || y > thisYear) return undefined;
    let row = years.get(y);
    if (!row) {
      row = {
        year: y,
        activities: 0,
        facilitatedMinutes: 0,
        supportMinutes: 0,
        trainingSessions: 0,
        coursesCompleted: 0,
      };
      years.set(y, row);
    }
    return row;
  };
  year(thisYear);
  const yearOfDay = (day: string) => Number(day.slice(0, 4));
  const yearOfInstant = (at: Date) => yearOfDay(dayIn(timeZone, at));

  const [activities, training, support] = await Promise.all([
    repo.facilitatedActivities(ctx.db, userId, from, today),
    repo.trainingAttendance(ctx.db, userId, since),
    repo.loggedSupport(ctx.db, userId, since),
  ]);
  for (const a of activities) {
    const y = year(yearOfDay(a.held_on));
    if (!y) continue;
    y.activities += 1;
    y.facilitatedMinutes += Math.max(0, minutesOf(a.end_time) - minutesOf(a.start_time));
  }
  for (const t of training) {
    const attended = t.attended ? year(yearOfInstant(t.starts_at)) : undefined;
    if (attended) attended.trainingSessions += 1;
    const completed = t.completed_on ? year(yearOfDay(t.completed_on)) : undefined;
    if (completed) completed.coursesCompleted += 1;
  }
  for (const s of support) {
    const y = year(yearOfInstant(s.occurred_at));
    if (y) y.supportMinutes += s.duration_minutes ?? 0;
  }
  return {
    userId,
    name: person.display_name,
    years: [...years.values()].sort((a, b) => b.year - a.year),
  };
}
