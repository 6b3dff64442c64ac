/**
 * Calendar days for an organisation. A "day" is a `YYYY-MM-DD` string with no time and no zone: due dates,
 * consent periods, VOG and training expiry. Which day it is *now* depends on where the organisation is, so
 * every "today" goes through `todayIn(timeZone, now)`; arithmetic on days is done on the calendar (UTC
 * midnight as a neutral carrier), never by adding milliseconds to an instant.
 *
 * This is the only place in the server that does date arithmetic; tests in dates.test.ts.
 */

/** `YYYY-MM-DD`. */
export type Day = string;

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// IANA names ("Europe/Amsterdam", "America/Argentina/Buenos_Aires") and UTC; not offsets or abbreviations.
const ZONE_RE = /^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `name` is an IANA time zone this runtime knows (e.g. `Europe/Amsterdam`). */
export function isTimeZone(name: string): boolean {
  if (!ZONE_RE.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Whether `day` is a real calendar day written as `YYYY-MM-DD` (no 2026-02-30). */
export function isDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo - 1);
}

function parts(day: Day): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m || !isDay(day)) throw new RangeError(`Not a day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

function format(utcMs: number): Day {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Wall-clock fields of `instant` in `timeZone`. */
function wallClock(timeZone: string, instant: Date) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** The calendar day of `instant` in `timeZone`: 2026-03-28T23:30Z is 2026-03-29 in Amsterdam. */
export function dayIn(timeZone: string, instant: Date): Day {
  const w = wallClock(timeZone, instant);
  return format(Date.UTC(w.year, w.month - 1, w.day));
}

/** Today in the organisation's time zone. */
export function todayIn(timeZone: string, now: Date): Day {
  return dayIn(timeZone, now);
}

/** `day` plus `days` calendar days (negative goes back). */
export function addDays(day: Day, days: number): Day {
  const [y, m, d] = parts(day);
  return format(Date.UTC(y, m, d + days));
}

/**
 * `day` plus `months` calendar months, clamped to the end of a shorter month: 31 Jan + 1 month is 28 Feb
 * (29 in a leap year), never 3 March. Used for every validity period (consent, training).
 */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = parts(day);
  const first = new Date(Date.UTC(y, m + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth();
  return format(Date.UTC(year, month, Math.min(d, daysInMonth(year, month))));
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Amsterdam in summer: +2 h). */
function offsetMs(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, new Date(instant));
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `day` at `hour:minute`. On a DST night a time
 * that does not exist (02:30 on the last Sunday of March in Amsterdam) moves forward by the gap; a time
 * that exists twice takes the earlier one.
 */
export function instantAt(timeZone: string, day: Day, hour = 0, minute = 0): Date {
  const [y, m, d] = parts(day);
  const wall = Date.UTC(y, m, d, hour, minute);
  // Two rounds settle the offset, also across a DST change between the guess and the answer.
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  if (second === first) {
    // In a repeated hour both offsets fit; prefer the earlier instant.
    const earlier = wall - offsetMs(timeZone, first - 3_600_000);
    return new Date(earlier < first && offsetMs(timeZone, earlier) === wall - earlier ? earlier : first);
  }
  // A skipped time: neither guess is self-consistent; the wall clock jumps, take the later offset's instant.
  return new Date(Math.max(first, second));
}

/** The first instant of `day` in `timeZone` (for turning a day filter into a range of timestamps). */
export function startOfDay(timeZone: string, day: Day): Date {
  return instantAt(timeZone, day, 0, 0);
}
