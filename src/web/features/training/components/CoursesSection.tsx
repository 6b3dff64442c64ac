import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COURSE_KINDS, CourseCreateSchema } from '../../../../shared/training.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import type { CourseKind, TrainingOverview } from '../api';
import { useTrainingMutations } from '../hooks';

/** The courses the organisation gives, and a form for a new one. */
export function CoursesSection({ courses }: { courses: TrainingOverview['courses'] }) {
  const { t } = useTranslation();
  const { course } = useTrainingMutations();
  const kind: CourseKind = 'basic';
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { name: '', kind, validity: '' },
    schema: CourseCreateSchema,
    toInput: (values) => ({
      name: values.name,
      kind: values.kind,
      validityMonths: values.validity.trim() ? Number(values.validity) : null,
    }),
    renames: { validityMonths: 'validity' },
    // A one-letter name is as good as none.
    errorText: (path, problem) =>
      path === 'name' && problem.reason === 'too_small' ? t('fieldErrors.required') : undefined,
  });
  const submit = onSubmit((data) =>
    course.mutate(data, {
      onSuccess: () => form.setValues({ name: '', validity: '' }),
      onError: showServerErrors,
    }),
  );

  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="courses-title">
        {t('training.courses')}
      </Title>
      {courses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noCourses')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" aria-labelledby="courses-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.courseName')}</Table.Th>
                <Table.Th scope="col">{t('training.kind')}</Table.Th>
                <Table.Th scope="col">{t('training.validity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courses.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={500} dir="auto">
                    {item.name}
                  </Table.Th>
                  <Table.Td>{t(`training.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>
                    {item.validityMonths
                      ? t('training.months', { n: item.validityMonths })
                      : t('training.noExpiry')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} noValidate aria-label={t('training.newCourse')}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('training.newCourse')}
          </Title>
          <ErrorAlert error={course.error} />
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={t('training.courseName')}
              {...form.getInputProps('name')}
              maxLength={120}
              required
              style={{ flex: '1 1 220px' }}
            />
            <NativeSelect
              label={t('training.kind')}
              {...form.getInputProps('kind')}
              data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))}
            />
            <TextInput
              label={t('training.validityMonths')}
              description={t('training.validityHint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              {...form.getInputProps('validity')}
              w={180}
            />
          </Group>
          <Group>
            <Button type="submit" variant="default" loading={course.isPending}>
              {t('training.addCourse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
