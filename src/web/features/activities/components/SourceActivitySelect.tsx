import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, todayIso } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { addDaysTo } from '../calendar';
import { useActivities } from '../hooks';

/** "Heard of us at …": an activity of the last half year, optional. */
export function SourceActivitySelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const today = todayIso();
  const activities = useActivities({ from: addDaysTo(today, -180), to: today });
  const language = currentLanguage();
  const data = [...(activities.data?.items ?? [])]
    .filter((a) => !a.cancelled || a.id === value)
    .reverse()
    .map((a) => ({ value: a.id, label: `${a.title} · ${formatDay(a.date, language)} · ${a.municipality}` }));
  return (
    <Select
      label={t('intake.sourceActivity')}
      description={t('intake.sourceActivityHint')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('intake.nothingFound')}
      error={error}
    />
  );
}
