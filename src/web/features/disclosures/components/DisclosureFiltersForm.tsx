import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_DISCLOSURE_FILTERS } from '../api';
import type { DisclosureFilters } from '../api';
import { DateRangeInputs } from '../../../components/DateRangeInputs';

interface DisclosureFiltersFormProps {
  value: DisclosureFilters;
  onChange: (filters: DisclosureFilters) => void;
  /** Recipients seen in the log so far (the privacy officer does not read the partner directory). */
  partners: { id: string; name: string }[];
}

/** From, to, recipient and case reference; applied on submit. */
export function DisclosureFiltersForm({ value, onChange, partners }: DisclosureFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DisclosureFilters>(value);
  const set = (key: keyof DisclosureFilters, next: string) => setDraft((old) => ({ ...old, [key]: next }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(draft);
  }

  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <DateRangeInputs
          from={draft.from}
          to={draft.to}
          labels={{ from: t('audit.from'), to: t('audit.to') }}
          onChange={set}
        />
        <NativeSelect
          label={t('disclosures.recipient')}
          value={draft.partnerId}
          onChange={(event) => set('partnerId', event.currentTarget.value)}
          data={[
            { value: '', label: t('disclosures.anyRecipient') },
            ...partners.map((partner) => ({ value: partner.id, label: partner.name })),
          ]}
        />
        <TextInput
          label={t('audit.caseReference')}
          value={draft.caseReference}
          onChange={(event) => set('caseReference', event.currentTarget.value)}
          maxLength={40}
          classNames={{ input: 'ltr-text' }}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY_DISCLOSURE_FILTERS);
            onChange(EMPTY_DISCLOSURE_FILTERS);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
