import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/partners.schema';
import { usePartners } from '../../partners/hooks';

const ALL_ACTIVE = { q: '', type: '', includeRetired: false } as const;

/** The active partners of the directory (small: one organisation's partners), for searching on the client. */
function usePartnerOptions() {
  const { t } = useTranslation();
  const partners = usePartners(ALL_ACTIVE);
  const items = partners.data?.items ?? [];
  const data = items.map((partner) => ({
    value: partner.id,
    label: [partner.name, t(`partners.types.${partner.type}`), partner.municipality]
      .filter(Boolean)
      .join(' · '),
  }));
  return { items, data, loading: partners.isPending };
}

interface PartnerPickerProps {
  label: string;
  value: string;
  onChange: (partner: Partner | null) => void;
  error?: string;
  description?: string;
}

/** Search the partner directory by name, type or municipality and pick one. */
export function PartnerPicker({ label, value, onChange, error, description }: PartnerPickerProps) {
  const { t } = useTranslation();
  const { items, data, loading } = usePartnerOptions();
  return (
    <Select
      label={label}
      description={description}
      placeholder={loading ? t('common.loading') : t('sharing.searchPartner')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(items.find((partner) => partner.id === id) ?? null)}
      searchable
      clearable
      nothingFoundMessage={t('sharing.noPartner')}
      error={error}
      withAsterisk
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface PartnerMultiPickerProps {
  label: string;
  value: string[];
  onChange: (partners: Partner[]) => void;
  error?: string;
  description?: string;
}

/** Several partners (the organisations at a case meeting). */
export function PartnerMultiPicker({ label, value, onChange, error, description }: PartnerMultiPickerProps) {
  const { t } = useTranslation();
  const { items, data, loading } = usePartnerOptions();
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={loading ? t('common.loading') : t('sharing.searchPartner')}
      data={data}
      value={value}
      onChange={(ids) => onChange(items.filter((partner) => ids.includes(partner.id)))}
      searchable
      nothingFoundMessage={t('sharing.noPartner')}
      error={error}
      withAsterisk
      maxValues={20}
      hidePickedOptions
    />
  );
}
