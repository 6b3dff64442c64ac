import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEIGHTS, MatchingWeightsSchema } from '../../../../shared/matching.schema';
import type { MatchingWeights } from '../../../../shared/matching.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useSaveWeights } from '../hooks';
import { SavedNotice } from '../../../components/SavedNotice';

const KEYS = Object.keys(DEFAULT_WEIGHTS) as (keyof MatchingWeights)[];

/** The eight named weights of the explained score; admins edit, coordinators read. */
export function WeightsForm({ weights, readOnly }: { weights: MatchingWeights; readOnly: boolean }) {
  const { t } = useTranslation();
  const save = useSaveWeights();
  const initialValues: Record<keyof MatchingWeights, number | string> = weights;
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues,
    schema: MatchingWeightsSchema,
    toInput: (values) =>
      Object.fromEntries(KEYS.map((key) => [key, values[key] === '' ? NaN : Number(values[key])])),
    // One wording for every weight: a whole number from 0 to 100.
    errorText: () => t('weights.invalid'),
    // A change hides the last save's confirmation.
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('weights.formLabel')}>
      <Stack maw={900}>
        <ErrorAlert error={save.error} />
        {readOnly ? (
          <Text size="sm" c="dimmed">
            {t('weights.readOnly')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {KEYS.map((key) => (
            <NumberInput
              key={key}
              label={t(`weights.${key}.label`)}
              description={t(`weights.${key}.hint`)}
              {...form.getInputProps(key)}
              min={0}
              max={100}
              clampBehavior="none"
              allowDecimal={false}
              readOnly={readOnly}
              w="100%"
            />
          ))}
        </SimpleGrid>
        <SavedNotice shown={save.isSuccess} title={t('weights.saved')} />
        {!readOnly ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => form.setValues(DEFAULT_WEIGHTS)}>
              {t('weights.defaults')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
