import type { TFunction } from 'i18next';

/** Aftercare check-ins are stored as "n/m"; everything else is the title the colleague typed. */
export function taskTitle(t: TFunction, task: { kind: 'follow_up' | 'aftercare'; title: string }): string {
  if (task.kind !== 'aftercare') return task.title;
  const match = /^(\d+)\/(\d+)$/.exec(task.title.trim());
  if (!match) return t('tasks.aftercareCheck', { n: '?', total: '?' });
  return t('tasks.aftercareCheck', { n: match[1], total: match[2] });
}
