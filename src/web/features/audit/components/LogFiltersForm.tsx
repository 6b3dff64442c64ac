import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_FILTERS } from '../api';
import type { LogFilters } from '../api';
import { useActors } from '../hooks/useLogPages';
import { DateRangeInputs } from '../../../components/DateRangeInputs';
import { FILTERABLE_ENTITIES, logLabel } from '../labels';

interface LogFiltersFormProps {
  value: LogFilters;
  onChange: (filters: LogFilters) => void;
}

/** Who, what, which record and when; applied on submit so typing does not fire a query per key. */
export function LogFiltersForm({ value, onChange }: LogFiltersFormProps) {
  const { t } = useTranslation();
  const actors = useActors();
  const [draft, setDraft] = useState<LogFilters>(value);
  const set = (key: keyof LogFilters, next: string) => setDraft((old) => ({ ...old, [key]: next }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...draft, caseReference: draft.caseReference.trim() });
  }

  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <NativeSelect
          label={t('audit.user')}
          value={draft.actorId}
          onChange={(event) => set('actorId', event.currentTarget.value)}
          data={[
            { value: '', label: t('audit.anyUser') },
            ...(actors.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.displayName })),
          ]}
        />
        <NativeSelect
          label={t('audit.record')}
          value={draft.entity}
          onChange={(event) => set('entity', event.currentTarget.value)}
          data={[
            { value: '', label: t('audit.anyType') },
            ...FILTERABLE_ENTITIES.map((code) => ({
              value: code,
              label: logLabel(t, 'entities', code),
            })).sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
        <TextInput
          label={t('audit.caseReference')}
          value={draft.caseReference}
          onChange={(event) => set('caseReference', event.currentTarget.value)}
          maxLength={40}
          placeholder="2026-0001"
          classNames={{ input: 'ltr-text' }}
        />
        <DateRangeInputs
          from={draft.from}
          to={draft.to}
          labels={{ from: t('audit.from'), to: t('audit.to') }}
          onChange={set}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onChange(EMPTY_FILTERS);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
