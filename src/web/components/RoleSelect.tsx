import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/roles';
import type { Role } from '../../shared/roles';

interface RoleSelectProps {
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
}

export function RoleSelect({ value, onChange, error }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('users.role')}
      value={value}
      error={error}
      onChange={(event) => {
        const next = ROLES.find((role) => role === event.currentTarget.value);
        if (next) onChange(next);
      }}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
