import type { PublishedCount } from '../../../shared/activities.schema';
import type { Labels } from '../../../shared/taxonomy.schema';
import { currentLanguage } from '../../i18n';

/** A term's label in the UI language, falling back to Dutch. */
export function termLabelOf(labels: Labels | undefined): string {
  if (!labels) return '—';
  return labels[currentLanguage()] || labels.nl;
}

/** A published count: the number, or "<threshold" when it is suppressed (as in reports). */
export function publishedCountText(count: PublishedCount): string {
  return count.suppressed ? `<${count.threshold}` : String(count.value ?? 0);
}

/** Hours and minutes from minutes ("3:30"). */
export function hoursText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
