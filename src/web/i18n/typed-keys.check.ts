import type { TFunction } from 'i18next';

/**
 * Type-level checks of i18next.d.ts, run by `tsc -b` and never imported: if keys stopped being typed, the
 * `@ts-expect-error` below would be unused and the type-check would fail. The missing key is kept in a
 * variable so that keys-used.test.ts, which reads literal `t('…')` calls, does not count it.
 */
export function typedKeyChecks(t: TFunction): unknown[] {
  const missing = 'nav.doesNotExist';
  const template = (status: 'intake' | 'closed') => t(`caseStates.${status}`);
  // @ts-expect-error a union with one member that has no key (there is no transitions.title.intake)
  const closing = (to: 'aftercare' | 'intake') => t(`transitions.title.${to}`);
  return [
    t('nav.home'),
    template('closed'),
    closing('aftercare'),
    // @ts-expect-error a key that is not in nl.json
    t(missing),
  ];
}
