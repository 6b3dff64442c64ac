import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS, SubjectInputSchema } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useAddCaseItem } from '../hooks/useCases';

const blank = { alias: '', relationId: '', ageBand: 'unknown', gender: 'unknown', municipality: '' };

/** A person of concern: an alias, relation, age band, gender, municipality — no ethnicity, no religion. */
export function AddSubjectForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const add = useAddCaseItem(caseId, 'subjects');
  const [values, setValues] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof blank, value: string) => setValues((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SubjectInputSchema.safeParse({ ...values, relationId: values.relationId || null });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    add.mutate(parsed.data, { onSuccess: onDone, onError: (error) => setErrors(apiFieldErrors(error)) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('persons.addSubject')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('persons.alias')}
            description={t('persons.aliasHint')}
            value={values.alias}
            onChange={(event) => set('alias', event.currentTarget.value)}
            error={fieldErrorText(t, errors.alias)}
            maxLength={120}
            required
            autoFocus
          />
          <NativeSelect
            label={t('persons.relation')}
            value={values.relationId}
            onChange={(event) => set('relationId', event.currentTarget.value)}
            data={[{ value: '', label: t('common.notGiven') }, ...taxonomy.options('relation')]}
          />
          <NativeSelect
            label={t('persons.ageBand')}
            value={values.ageBand}
            onChange={(event) => set('ageBand', event.currentTarget.value)}
            data={AGE_BANDS.map((value) => ({ value, label: t(`ageBands.${value}`) }))}
          />
          <NativeSelect
            label={t('persons.gender')}
            value={values.gender}
            onChange={(event) => set('gender', event.currentTarget.value)}
            data={GENDERS.map((value) => ({ value, label: t(`genders.${value}`) }))}
          />
          <TextInput
            label={t('persons.municipality')}
            value={values.municipality}
            onChange={(event) => set('municipality', event.currentTarget.value)}
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
