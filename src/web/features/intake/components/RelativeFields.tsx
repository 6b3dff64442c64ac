import { Fieldset, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, SUBJECT_STATUSES } from '../../../../shared/cases.schema';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import type { IntakeValues } from '../form';

interface RelativeFieldsProps {
  form: UseFormReturnType<IntakeValues>;
}

/**
 * The young person the call is about: how they relate to the caller, an alias, an age band and where they
 * are now. Deliberately no ethnicity or religion: Confidant never records them.
 */
export function RelativeFields({ form }: RelativeFieldsProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  // A problem with the relative as a whole shows on each of their fields.
  const error = (path: keyof IntakeValues) => form.errors[path] ?? form.errors.subject;
  return (
    <Fieldset legend={t('intake.relative.legend')} variant="filled">
      <Text size="sm" c="dimmed" mb="xs">
        {t('intake.relative.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('intake.relation')}
          value={form.values.relationId ?? ''}
          onChange={(event) => form.setFieldValue('relationId', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('common.notGiven') },
            ...taxonomy.options('relation', form.values.relationId),
          ]}
          error={error('relationId')}
        />
        <TextInput
          label={t('intake.relative.alias')}
          {...form.getInputProps('subjectAlias')}
          error={error('subjectAlias')}
          maxLength={120}
          autoComplete="off"
        />
        <NativeSelect
          label={t('intake.relative.ageBand')}
          {...form.getInputProps('subjectAgeBand')}
          data={AGE_BANDS.map((band) => ({ value: band, label: t(`ageBands.${band}`) }))}
          error={error('subjectAgeBand')}
        />
        <NativeSelect
          label={t('intake.relative.status')}
          {...form.getInputProps('subjectStatus')}
          data={[
            { value: '', label: t('common.notGiven') },
            ...SUBJECT_STATUSES.map((status) => ({ value: status, label: t(`subjectStatuses.${status}`) })),
          ]}
          error={error('subjectStatus')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
