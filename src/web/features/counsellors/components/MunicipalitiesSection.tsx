import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MunicipalityCreateSchema, PROVINCES } from '../../../../shared/places.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { Loading } from '../../../components/Loading';
import type { Province } from '../api';
import { useCreateMunicipality, useMunicipalities } from '../hooks';
import { isolatedValues } from '../../../components/isolate';

/** The organisation's municipalities by province (matching's proximity), with a form to add one. */
export function MunicipalitiesSection() {
  const { t } = useTranslation();
  const list = useMunicipalities();
  const create = useCreateMunicipality();
  const province: Province = 'Utrecht';
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { name: '', province },
    schema: MunicipalityCreateSchema,
    // A one-letter name is as good as none.
    errorText: (path, problem) =>
      path === 'name' && problem.reason === 'too_small' ? t('fieldErrors.required') : undefined,
  });
  const submit = onSubmit((data) =>
    create.mutate(data, { onSuccess: () => form.setFieldValue('name', ''), onError: showServerErrors }),
  );

  const items = list.data?.items ?? [];
  return (
    <Stack>
      <form onSubmit={submit} noValidate aria-label={t('places.add')}>
        <Stack gap="xs">
          <ErrorAlert error={create.error} />
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput label={t('places.name')} {...form.getInputProps('name')} maxLength={80} required />
            <NativeSelect
              label={t('places.province')}
              {...form.getInputProps('province')}
              data={[...PROVINCES]}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t('places.add')}
            </Button>
          </Group>
          {create.isSuccess ? (
            <Text size="sm" role="status" c="teal.8">
              {isolatedValues((v) => t('places.added', v), { name: create.data.name })}
            </Text>
          ) : null}
        </Stack>
      </form>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {PROVINCES.filter((p) => items.some((m) => m.province === p)).map((p) => (
        <Paper key={p} withBorder p="sm" component="section" aria-labelledby={`province-${p}`}>
          <Title order={2} size="h5" id={`province-${p}`} mb={6}>
            {p}
          </Title>
          <Group gap={6} wrap="wrap">
            {items
              .filter((m) => m.province === p)
              .map((m) => (
                <Badge key={m.id} variant="light" color={m.active ? 'teal' : 'gray'} tt="none">
                  {m.name}
                </Badge>
              ))}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
