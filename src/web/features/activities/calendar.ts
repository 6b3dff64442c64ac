/** Calendar arithmetic on days (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDaysTo(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** The Monday of the week the day is in (weeks start on Monday in all four UI languages' regions we serve). */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDaysTo(day, -weekday);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  const d = toDate(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return toDay(d);
}

export function addMonthsTo(day: string, months: number): string {
  const d = toDate(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + months);
  return toDay(d);
}

/** The weeks (Monday to Sunday) that cover the month of `day`. */
export function monthWeeks(day: string): string[][] {
  const weeks: string[][] = [];
  const last = monthEnd(day);
  for (let start = mondayOf(monthStart(day)); start <= last; start = addDaysTo(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDaysTo(start, i)));
  }
  return weeks;
}

export function weekDays(day: string): string[] {
  const start = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => addDaysTo(start, i));
}
