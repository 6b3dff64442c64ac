import { Checkbox, Loader, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FacilitatorOption } from '../../../../shared/activities.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useFacilitatorOptions } from '../hooks';

/** Why someone cannot facilitate, in the UI language ("training X expired on 1 Mar 2026"). */
export function refusalText(t: TFunction, o: FacilitatorOption) {
  if (!o.reason) return '';
  return t(`activities.refusal.${o.reason}`, {
    course: o.course ?? '',
    date: formatDay(o.expiredOn, currentLanguage()),
  });
}

interface FacilitatorPickerProps {
  typeId: string;
  date: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/**
 * Counsellors and staff as checkboxes. Someone whose required training is not valid on the day cannot be
 * ticked, and the reason stands beside their name; the server refuses them too.
 */
export function FacilitatorPicker({ typeId, date, value, onChange, error }: FacilitatorPickerProps) {
  const { t } = useTranslation();
  const options = useFacilitatorOptions(typeId, date);
  if (!typeId || !date)
    return (
      <Text size="sm" c="dimmed">
        {t('activities.facilitatorsFirst')}
      </Text>
    );
  if (options.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  const items = options.data?.items ?? [];
  return (
    <Checkbox.Group
      label={t('activities.facilitators')}
      description={t('activities.facilitatorsHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap={6} mt={6}>
        {items.length === 0 ? <Text size="sm">{t('activities.noFacilitators')}</Text> : null}
        {items.map((o) => (
          <Checkbox
            key={o.userId}
            value={o.userId}
            // A refused person stays untickable, unless already ticked: then they can still be unticked.
            disabled={!o.eligible && !value.includes(o.userId)}
            label={`${o.name} · ${t(`roles.${o.role}`)}`}
            description={o.eligible ? undefined : refusalText(t, o)}
            styles={o.eligible ? undefined : { description: { color: 'var(--mantine-color-red-8)' } }}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
