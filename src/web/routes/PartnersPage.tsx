import { Button, Group, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_TYPES } from '../../shared/partners.schema';
import type { Partner, PartnerType } from '../../shared/partners.schema';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { PartnerForm } from '../features/partners/components/PartnerForm';
import { PartnerList } from '../features/partners/components/PartnerList';
import { usePartnerMutations, usePartners } from '../features/partners/hooks';

export default function PartnersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [type, setType] = useState<PartnerType | ''>('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const partners = usePartners({ q, type, includeRetired });
  const { update } = usePartnerMutations();
  const [editing, setEditing] = useState<{ partner?: Partner } | null>(null);
  const [toggling, setToggling] = useState<Partner | null>(null);
  const canManage = partners.data?.canManage ?? false;
  const items = partners.data?.items ?? [];
  const filtered = q.trim() !== '' || type !== '';
  const action = toggling?.active ? 'retire' : 'restore';

  return (
    <Stack maw={1200}>
      <PageHeading>{t('titles.partners')}</PageHeading>
      <Text size="sm">{t('partners.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('partners.search')}
          description={t('partners.searchHint')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={100}
          miw={240}
          style={{ flex: 1 }}
        />
        <NativeSelect
          label={t('partners.type')}
          value={type}
          onChange={(event) => setType(event.currentTarget.value as PartnerType | '')}
          data={[
            { value: '', label: t('partners.allTypes') },
            ...PARTNER_TYPES.map((value) => ({ value, label: t(`partners.types.${value}`) })),
          ]}
        />
        <Switch
          label={t('partners.showRetired')}
          checked={includeRetired}
          onChange={(event) => setIncludeRetired(event.currentTarget.checked)}
          mb={8}
        />
        {canManage ? (
          <Button onClick={() => setEditing({})} ms="auto">
            {t('partners.add')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={partners.error} />
      {partners.isPending ? <Loading /> : null}
      {partners.isSuccess && items.length === 0 ? (
        <EmptyState title={filtered ? t('partners.noMatches') : t('partners.empty')} />
      ) : null}
      {items.length > 0 ? (
        <PartnerList
          items={items}
          canManage={canManage}
          onEdit={(partner) => setEditing({ partner })}
          onToggle={(partner) => {
            update.reset();
            setToggling(partner);
          }}
        />
      ) : null}
      {editing && canManage ? (
        <PartnerForm partner={editing.partner} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        opened={toggling !== null}
        danger={action === 'retire'}
        title={toggling ? t(`partners.confirm.${action}.title`, { name: toggling.name }) : ''}
        body={toggling ? t(`partners.confirm.${action}.body`) : ''}
        confirmLabel={t(`partners.${action}`)}
        loading={update.isPending}
        error={update.error}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (toggling)
            update.mutate(
              { id: toggling.id, active: !toggling.active },
              { onSuccess: () => setToggling(null) },
            );
        }}
      />
    </Stack>
  );
}
