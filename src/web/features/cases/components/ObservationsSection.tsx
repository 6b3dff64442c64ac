import { Button, Group, List, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ObservationInputSchema } from '../../../../shared/cases.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useAddCaseItem } from '../hooks/useCases';
import { Section } from './Section';

type Kind = 'signal' | 'protective';

function ObservationColumn({ detail, kind }: { detail: CaseDetail; kind: Kind }) {
  const { t } = useTranslation();
  const add = useAddCaseItem(detail.id, 'observations');
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { text: '', observedOn: todayIso() },
    schema: ObservationInputSchema,
    toInput: (values) => ({ kind, ...values }),
  });
  const items = detail.observations
    .filter((item) => item.kind === kind)
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn));
  const language = currentLanguage();

  const submit = onSubmit((data) =>
    add.mutate(data, { onSuccess: () => form.setFieldValue('text', ''), onError: showServerErrors }),
  );

  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        {t(`observations.${kind}s`)}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('observations.none')}
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {items.map((item) => (
            <List.Item key={item.id}>
              <Text span size="xs" c="dimmed">
                {formatDay(item.observedOn, language)}
              </Text>{' '}
              <Text span size="sm" dir="auto">
                {item.text}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {detail.abilities.canEdit ? (
        <form onSubmit={submit} noValidate aria-label={t(`observations.add_${kind}`)}>
          <Stack gap={6}>
            <ErrorAlert error={add.error} />
            <Textarea
              label={t(`observations.add_${kind}`)}
              {...form.getInputProps('text')}
              autosize
              minRows={1}
              maxLength={2000}
            />
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t('observations.date')}
                type="date"
                size="xs"
                {...form.getInputProps('observedOn')}
              />
              <Button type="submit" size="xs" variant="default" loading={add.isPending}>
                {t('common.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** Facts only: dated signals and protective factors, side by side. Never a score. */
export function ObservationsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="observations" title={t('observations.title')}>
      <Text size="xs" c="dimmed" mb="sm">
        {t('observations.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <ObservationColumn detail={detail} kind="signal" />
        <ObservationColumn detail={detail} kind="protective" />
      </SimpleGrid>
    </Section>
  );
}
