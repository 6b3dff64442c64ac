import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS, SubjectInputSchema } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useAddCaseItem } from '../hooks/useCases';

const blank = { alias: '', relationId: '', ageBand: 'unknown', gender: 'unknown', municipality: '' };

/** A person of concern: an alias, relation, age band, gender, municipality — no ethnicity, no religion. */
export function AddSubjectForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const add = useAddCaseItem(caseId, 'subjects');
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: blank,
    schema: SubjectInputSchema,
    toInput: (values) => ({ ...values, relationId: values.relationId || null }),
  });
  const submit = onSubmit((data) => add.mutate(data, { onSuccess: onDone, onError: showServerErrors }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('persons.addSubject')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('persons.alias')}
            description={t('persons.aliasHint')}
            {...form.getInputProps('alias')}
            maxLength={120}
            required
            autoFocus
          />
          <NativeSelect
            label={t('persons.relation')}
            {...form.getInputProps('relationId')}
            data={[{ value: '', label: t('common.notGiven') }, ...taxonomy.options('relation')]}
          />
          <NativeSelect
            label={t('persons.ageBand')}
            {...form.getInputProps('ageBand')}
            data={AGE_BANDS.map((value) => ({ value, label: t(`ageBands.${value}`) }))}
          />
          <NativeSelect
            label={t('persons.gender')}
            {...form.getInputProps('gender')}
            data={GENDERS.map((value) => ({ value, label: t(`genders.${value}`) }))}
          />
          <TextInput
            label={t('persons.municipality')}
            {...form.getInputProps('municipality')}
            maxLength={80}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('persons.saveSubject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
