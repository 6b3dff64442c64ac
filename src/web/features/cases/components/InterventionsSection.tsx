import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InterventionInputSchema } from '../../../../shared/cases.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useAddCaseItem } from '../hooks/useCases';
import { Section } from './Section';

/** What was done, I1 (listening ear) to I9 (referral to authorities); I8/I9 only with consent. */
export function InterventionsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const add = useAddCaseItem(detail.id, 'interventions');
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { interventionId: '', occurredOn: todayIso(), note: '' },
    schema: InterventionInputSchema,
    // Whatever is wrong with the choice, what to do about it is the same: choose one.
    errorText: (path) => (path === 'interventionId' ? t('fieldErrors.required') : undefined),
  });
  const chosen = taxonomy.term(form.values.interventionId);
  const language = currentLanguage();
  const items = [...detail.interventions].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));

  const submit = onSubmit((data) =>
    add.mutate(data, {
      onSuccess: () => form.setValues({ interventionId: '', note: '' }),
      onError: showServerErrors,
    }),
  );

  return (
    <Section id="interventions" title={t('interventions.title')}>
      <Stack gap="sm">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('interventions.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('interventions.date')}</Table.Th>
                  <Table.Th scope="col">{t('interventions.intervention')}</Table.Th>
                  <Table.Th scope="col">{t('interventions.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(item.occurredOn, language)}
                    </Table.Td>
                    <Table.Td>
                      {taxonomy.term(item.interventionId)?.code} · {taxonomy.label(item.interventionId)}
                    </Table.Td>
                    <Table.Td dir="auto">{item.note || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {detail.abilities.canEdit ? (
          <form onSubmit={submit} noValidate aria-label={t('interventions.add')}>
            <Stack gap="sm">
              <ErrorAlert error={add.error} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('interventions.intervention')}
                  {...form.getInputProps('interventionId')}
                  data={[
                    { value: '', label: t('interventions.choose') },
                    ...taxonomy.options('intervention'),
                  ]}
                  required
                />
                <TextInput
                  label={t('interventions.date')}
                  type="date"
                  {...form.getInputProps('occurredOn')}
                  required
                />
              </SimpleGrid>
              {chosen?.requiresConsent ? (
                <Alert color="yellow" variant="light" title={t('interventions.consentTitle')}>
                  {t('interventions.consentBody')}
                </Alert>
              ) : null}
              <TextInput label={t('interventions.note')} {...form.getInputProps('note')} maxLength={2000} />
              <Group justify="flex-end">
                <Button type="submit" variant="default" loading={add.isPending}>
                  {t('interventions.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
