import { Button, Group, NumberInput, Stack } from '@mantine/core';
import type { NumberInputProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { SavedNotice } from './SavedNotice';

interface SettingsCardProps {
  /** The form's accessible name (the card's title), if it has one. */
  label?: string;
  /** The save mutation: its error above the fields, "saved" beside the button, the button's spinner. */
  save: { error: unknown; isPending: boolean; isSuccess: boolean };
  /** The "saved" notice's title. */
  savedTitle: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Leave the error summary out (when the fields show the whole problem already). */
  hideError?: boolean;
  children: ReactNode;
}

/** The frame of every organisation-settings form: error summary, the fields, "saved" and one save button. */
export function SettingsCard({ label, save, savedTitle, onSubmit, hideError, children }: SettingsCardProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack maw={560}>
        {hideError ? null : <ErrorAlert error={save.error} />}
        {children}
        <SavedNotice shown={save.isSuccess} title={savedTitle} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A whole, positive number of days or months, written left to right in every language. */
export function WholeNumberInput(props: NumberInputProps) {
  return (
    <NumberInput allowDecimal={false} allowNegative={false} classNames={{ input: 'ltr-text' }} {...props} />
  );
}

/** The save of a settings form: the server's answer becomes the cached settings at `queryKey`. */
export function useSettingsSave<Body, Saved>(mutationFn: (body: Body) => Promise<Saved>, queryKey: QueryKey) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (saved) => client.setQueryData(queryKey, saved) });
}
