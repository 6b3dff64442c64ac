import { Button, Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATES } from '../../../../shared/cases.schema';
import type { CaseListQuery } from '../../../../shared/cases.schema';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { EMPTY_CASE_FILTERS } from '../api';
import type { CaseFilters } from '../api';
import { useCounsellorOptions } from '../hooks/useCases';
import { DateRangeInputs } from '../../../components/DateRangeInputs';

interface CaseFiltersFormProps {
  value: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  /** Coordinators filter by counsellor; counsellors only ever see their own cases. */
  byCounsellor: boolean;
}

const SORTS: CaseListQuery['sort'][] = ['opened_desc', 'opened_asc', 'activity_desc'];

/** Filters of the case list, applied on submit so typing a municipality does not fire a query per key. */
export function CaseFiltersForm({ value, onChange, byCounsellor }: CaseFiltersFormProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const counsellors = useCounsellorOptions(byCounsellor);
  const [draft, setDraft] = useState<CaseFilters>(value);
  const set = <K extends keyof CaseFilters>(key: K, next: CaseFilters[K]) =>
    setDraft((old) => ({ ...old, [key]: next }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(draft);
  }

  return (
    <form onSubmit={submit} aria-label={t('cases.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t('cases.state')}
          value={draft.state}
          onChange={(event) => set('state', event.currentTarget.value)}
          data={[
            { value: '', label: t('cases.anyState') },
            ...CASE_STATES.map((state) => ({ value: state, label: t(`caseStates.${state}`) })),
          ]}
        />
        <NativeSelect
          label={t('cases.category')}
          value={draft.categoryId}
          onChange={(event) => set('categoryId', event.currentTarget.value)}
          data={[
            { value: '', label: t('cases.anyCategory') },
            ...taxonomy.ofKind('category').map((term) => ({
              value: term.id,
              label: `${term.code} · ${taxonomy.label(term.id)}`,
            })),
          ]}
        />
        {byCounsellor ? (
          <NativeSelect
            label={t('cases.counsellor')}
            value={draft.counsellorId}
            onChange={(event) => set('counsellorId', event.currentTarget.value)}
            data={[
              { value: '', label: t('cases.anyCounsellor') },
              ...(counsellors.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })),
            ]}
          />
        ) : null}
        <TextInput
          label={t('cases.municipality')}
          value={draft.municipality}
          onChange={(event) => set('municipality', event.currentTarget.value)}
          maxLength={80}
        />
        <DateRangeInputs
          from={draft.from}
          to={draft.to}
          labels={{ from: t('cases.openedFrom'), to: t('cases.openedTo') }}
          onChange={set}
        />
        <NativeSelect
          label={t('cases.sort')}
          value={draft.sort}
          onChange={(event) => set('sort', event.currentTarget.value as CaseFilters['sort'])}
          data={SORTS.map((sort) => ({ value: sort, label: t(`cases.sorts.${sort}`) }))}
        />
        <Group gap="lg" align="flex-end" pb={8}>
          <Checkbox
            label={t('cases.onlyUrgent')}
            checked={draft.urgent}
            onChange={(event) => set('urgent', event.currentTarget.checked)}
          />
          <Checkbox
            label={t('cases.onlyOverdue')}
            checked={draft.overdue}
            onChange={(event) => set('overdue', event.currentTarget.checked)}
          />
        </Group>
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t('common.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY_CASE_FILTERS);
            onChange(EMPTY_CASE_FILTERS);
          }}
        >
          {t('common.clear')}
        </Button>
      </Group>
    </form>
  );
}
