/**
 * The tabs of the case page, in the order of a phone call: what happened, who said what, who is concerned,
 * what we do, what is due, what may be shared, what was logged. Only the tab's name goes in the address
 * (`?tab=`), never anything of the case.
 */
export const CASE_TABS = ['overview', 'contacts', 'persons', 'plan', 'tasks', 'sharing', 'logs'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** Which tab holds a section, for links that point at one (`/cases/:id#tasks`, `#emergency`). */
export const SECTION_TAB: Record<string, CaseTab> = {
  timeline: 'overview',
  matching: 'overview',
  summary: 'overview',
  preferences: 'overview',
  log: 'contacts',
  persons: 'persons',
  observations: 'persons',
  goals: 'plan',
  interventions: 'plan',
  tasks: 'tasks',
  consent: 'sharing',
  referrals: 'sharing',
  meetings: 'sharing',
  emergency: 'sharing',
  'peer-link': 'sharing',
  disclosures: 'logs',
};

export function isCaseTab(value: string | null): value is CaseTab {
  return (CASE_TABS as readonly string[]).includes(value ?? '');
}
