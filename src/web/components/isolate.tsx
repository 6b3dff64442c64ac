import type { ReactNode } from 'react';

const SLOT = '\u0000';

/**
 * A translated sentence with one value (a case reference such as 2026-0001) isolated left-to-right: in an
 * Arabic sentence the digits would otherwise be reordered around the hyphen (shown as 0001-2026).
 */
export function withIsolated(translate: (slot: string) => string, value: string): ReactNode {
  const [before = '', after = ''] = translate(SLOT).split(SLOT);
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after}
    </>
  );
}
