import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES } from '../../../../shared/consent.schema';
import type { DataCategory } from '../../../../shared/consent.schema';

interface CategoryCheckboxesProps {
  label: string;
  value: DataCategory[];
  onChange: (value: DataCategory[]) => void;
  error?: string;
  description?: string;
}

/** The data categories as checkboxes, each with a one-line explanation of what it contains. */
export function CategoryCheckboxes({ label, value, onChange, error, description }: CategoryCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      // Keep the canonical order, whatever order they were ticked in.
      onChange={(next) => onChange(DATA_CATEGORIES.filter((category) => next.includes(category)))}
      error={error}
      withAsterisk
    >
      <Stack gap="xs" mt={6}>
        {DATA_CATEGORIES.map((category) => (
          <Checkbox
            key={category}
            value={category}
            label={t(`dataCategories.${category}.label`)}
            description={t(`dataCategories.${category}.hint`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
