import type { ActivitySummary } from '../../../../shared/activities.schema';
import { MonthView, WeekView } from './ActivityCalendar';

/** The month or the week around `anchor`. */
export function ActivityCalendar({
  view,
  anchor,
  items,
}: {
  view: 'month' | 'week';
  anchor: string;
  items: ActivitySummary[];
}) {
  return view === 'month' ? (
    <MonthView anchor={anchor} items={items} />
  ) : (
    <WeekView anchor={anchor} items={items} />
  );
}
