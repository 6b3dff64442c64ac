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

/**
 * A translated sentence whose interpolated values (names typed by people, partner names, dates) are each
 * isolated in a `<bdi>`: a Latin name in an Arabic sentence (or the reverse) keeps its own direction and does
 * not drag the punctuation around it. The text content stays exactly the translated sentence.
 */
export function isolatedValues<Slot extends string>(
  translate: (slots: Record<Slot, string>) => string,
  values: Record<Slot, string>,
): ReactNode {
  const keys = Object.keys(values) as Slot[];
  const slots = Object.fromEntries(keys.map((key, index) => [key, `${SLOT}${index}${SLOT}`])) as Record<
    Slot,
    string
  >;
  const text = translate(slots);
  const valueAt = (index: number) => {
    const key = keys[index];
    return key === undefined ? '' : values[key];
  };
  return text
    .split(SLOT)
    .map((part, position) => (position % 2 === 1 ? <bdi key={position}>{valueAt(Number(part))}</bdi> : part));
}
