import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEIGHTS, MatchingWeightsSchema } from '../../../../shared/matching.schema';
import type { MatchingWeights } from '../../../../shared/matching.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSaveWeights } from '../hooks';
import { SavedNotice } from '../../../components/SavedNotice';

const KEYS = Object.keys(DEFAULT_WEIGHTS) as (keyof MatchingWeights)[];

/** The eight named weights of the explained score; admins edit, coordinators read. */
export function WeightsForm({ weights, readOnly }: { weights: MatchingWeights; readOnly: boolean }) {
  const { t } = useTranslation();
  const save = useSaveWeights();
  const [values, setValues] = useState<Record<keyof MatchingWeights, number | string>>(weights);
  const [invalid, setInvalid] = useState<string[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = MatchingWeightsSchema.safeParse(
      Object.fromEntries(KEYS.map((key) => [key, values[key] === '' ? NaN : Number(values[key])])),
    );
    if (!parsed.success) return setInvalid(parsed.error.issues.map((issue) => String(issue.path[0])));
    setInvalid([]);
    save.mutate(parsed.data);
  }

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
              value={values[key]}
              min={0}
              max={100}
              clampBehavior="none"
              allowDecimal={false}
              readOnly={readOnly}
              onChange={(value) => {
                setValues((old) => ({ ...old, [key]: value }));
                save.reset();
              }}
              error={invalid.includes(key) ? t('weights.invalid') : undefined}
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
            <Button variant="default" onClick={() => setValues(DEFAULT_WEIGHTS)}>
              {t('weights.defaults')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
