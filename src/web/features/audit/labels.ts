import type { TFunction } from 'i18next';

type Group = 'actions' | 'entities' | 'purposes' | 'fields';

/** A code as words, for a code that has no translation yet: "case.task_add" → "case task add", "maxCases" → "max cases". */
const words = (code: string) =>
  code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]+/g, ' ')
    .toLowerCase();

/** The human label of a log code (action, record type, purpose or field) in the UI language. */
export function logLabel(t: TFunction, group: Group, code: string): string {
  return t(`logLabels.${group}.${code.replaceAll('.', '_')}`, { defaultValue: words(code) });
}

/** The record types a privacy officer can filter on, labelled and sorted in the UI language. */
export const FILTERABLE_ENTITIES = [
  'case',
  'task',
  'case_log',
  'case_subject',
  'case_offer',
  'consent',
  'referral',
  'disclosure',
  'emergency_request',
  'contact',
  'counsellor',
  'partner',
  'user',
  'organisation',
  'audit_log',
] as const;
