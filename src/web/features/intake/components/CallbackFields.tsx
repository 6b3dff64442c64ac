import { Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { IntakeValues } from '../form';

interface CallbackFieldsProps {
  form: UseFormReturnType<IntakeValues>;
  channelOptions: { value: string; label: string }[];
}

/** Whether and how the helpline may call the caller back: safe times and a safe channel. */
export function CallbackFields({ form, channelOptions }: CallbackFieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('intake.callback')} variant="filled">
      <Stack gap="sm">
        <Group gap="xl">
          <Checkbox
            label={t('intake.mayCallBack')}
            {...form.getInputProps('mayCallBack', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('intake.mayLeaveMessage')}
            {...form.getInputProps('mayLeaveMessage', { type: 'checkbox' })}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('intake.safeTimes')}
            placeholder={t('intake.safeTimesPlaceholder')}
            {...form.getInputProps('safeTimes')}
            maxLength={200}
            autoComplete="off"
          />
          <NativeSelect
            label={t('intake.safeChannel')}
            {...form.getInputProps('safeChannel')}
            data={[{ value: '', label: t('common.notGiven') }, ...channelOptions]}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
