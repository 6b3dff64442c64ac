import type { TFunction } from 'i18next';
import type { TaskKind } from '../../../shared/cases.schema';

/**
 * Follow-up tasks show the title the colleague typed. System tasks carry a structured title: aftercare "n/m",
 * consent_written the caller's alias, inform_partners / inform_caller the partners' names.
 */
export function taskTitle(t: TFunction, task: { kind: TaskKind; title: string }): string {
  switch (task.kind) {
    case 'follow_up':
      return task.title;
    case 'aftercare': {
      const match = /^(\d+)\/(\d+)$/.exec(task.title.trim());
      if (!match) return t('tasks.aftercareCheck', { n: '?', total: '?' });
      return t('tasks.aftercareCheck', { n: match[1], total: match[2] });
    }
    case 'consent_written':
      return t('tasks.consentWritten', { who: task.title });
    case 'inform_partners':
      return t('tasks.informPartners', { partners: task.title });
    case 'inform_caller':
      return t('tasks.informCaller', { partner: task.title });
  }
}
