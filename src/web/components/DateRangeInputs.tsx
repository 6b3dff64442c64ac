import { TextInput } from '@mantine/core';

/** Two date fields for a filter, each bounded by the other so the range can never be backwards. */
export function DateRangeInputs({
  from,
  to,
  labels,
  onChange,
}: {
  from: string;
  to: string;
  labels: { from: string; to: string };
  onChange: (field: 'from' | 'to', value: string) => void;
}) {
  return (
    <>
      <TextInput
        label={labels.from}
        type="date"
        value={from}
        max={to || undefined}
        onChange={(event) => onChange('from', event.currentTarget.value)}
      />
      <TextInput
        label={labels.to}
        type="date"
        value={to}
        min={from || undefined}
        onChange={(event) => onChange('to', event.currentTarget.value)}
      />
    </>
  );
}
