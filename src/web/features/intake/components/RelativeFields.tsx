import { Fieldset, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, SUBJECT_STATUSES } from '../../../../shared/cases.schema';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import type { IntakeValues } from '../form';

interface RelativeFieldsProps {
  values: IntakeValues;
  set: <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => void;
  error: (key: string) => string | undefined;
}

/**
 * The young person the call is about: how they relate to the caller, an alias, an age band and where they
 * are now. Deliberately no ethnicity or religion: Confidant never records them.
 */
export function RelativeFields({ values, set, error }: RelativeFieldsProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  return (
    <Fieldset legend={t('intake.relative.legend')} variant="filled">
      <Text size="sm" c="dimmed" mb="xs">
        {t('intake.relative.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('intake.relation')}
          value={values.relationId ?? ''}
          onChange={(event) => set('relationId', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('common.notGiven') },
            ...taxonomy.options('relation', values.relationId),
          ]}
          error={error('relationId')}
        />
        <TextInput
          label={t('intake.relative.alias')}
          value={values.subjectAlias}
          onChange={(event) => set('subjectAlias', event.currentTarget.value)}
          error={error('alias')}
          maxLength={120}
          autoComplete="off"
        />
        <NativeSelect
          label={t('intake.relative.ageBand')}
          value={values.subjectAgeBand}
          onChange={(event) => set('subjectAgeBand', event.currentTarget.value)}
          data={AGE_BANDS.map((band) => ({ value: band, label: t(`ageBands.${band}`) }))}
          error={error('ageBand')}
        />
        <NativeSelect
          label={t('intake.relative.status')}
          value={values.subjectStatus}
          onChange={(event) => set('subjectStatus', event.currentTarget.value)}
          data={[
            { value: '', label: t('common.notGiven') },
            ...SUBJECT_STATUSES.map((status) => ({ value: status, label: t(`subjectStatuses.${status}`) })),
          ]}
          error={error('status')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
