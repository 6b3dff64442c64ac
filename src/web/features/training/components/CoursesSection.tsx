import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_KINDS } from '../../../../shared/training.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import type { CourseKind, TrainingOverview } from '../api';
import { useTrainingMutations } from '../hooks';

/** The courses the organisation gives, and a form for a new one. */
export function CoursesSection({ courses }: { courses: TrainingOverview['courses'] }) {
  const { t } = useTranslation();
  const { course } = useTrainingMutations();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CourseKind>('basic');
  const [validity, setValidity] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = apiFieldErrors(course.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim().length < 2) return setMissing(true);
    setMissing(false);
    const months = validity.trim() ? Number(validity) : null;
    course.mutate(
      { name: name.trim(), kind, validityMonths: months },
      {
        onSuccess: () => {
          setName('');
          setValidity('');
        },
      },
    );
  }

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
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={missing ? t('fieldErrors.required') : fieldErrorText(t, errors.name)}
              maxLength={120}
              required
              style={{ flex: '1 1 220px' }}
            />
            <NativeSelect
              label={t('training.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as CourseKind)}
              data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))}
            />
            <TextInput
              label={t('training.validityMonths')}
              description={t('training.validityHint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              value={validity}
              onChange={(event) => setValidity(event.currentTarget.value)}
              error={fieldErrorText(t, errors.validityMonths)}
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
