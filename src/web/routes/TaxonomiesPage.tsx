import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAXONOMY_KINDS } from '../../shared/taxonomy.schema';
import type { TaxonomyKind, Term } from '../../shared/taxonomy.schema';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TermModal } from '../features/taxonomies/components/TermModal';
import { TermTable } from '../features/taxonomies/components/TermTable';
import { termLabel, useTaxonomy, useTermMutations } from '../features/taxonomies/hooks/useTerms';

export default function TaxonomiesPage() {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { update } = useTermMutations();
  const [kind, setKind] = useState<TaxonomyKind>('category');
  const [editing, setEditing] = useState<{ term?: Term } | null>(null);
  const [toggling, setToggling] = useState<Term | null>(null);
  const terms = taxonomy.ofKind(kind);
  const action = toggling?.active ? 'retire' : 'restore';

  return (
    <Stack maw={960}>
      <PageHeading>{t('titles.taxonomies')}</PageHeading>
      <Text size="sm">{t('taxonomies.intro')}</Text>
      <ErrorAlert error={taxonomy.query.error} />
      <Tabs value={kind} onChange={(value) => value && setKind(value as TaxonomyKind)} keepMounted={false}>
        <Tabs.List>
          {TAXONOMY_KINDS.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {t(`taxonomies.kinds.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TAXONOMY_KINDS.map((item) => (
          <Tabs.Panel key={item} value={item} pt="md">
            <Stack>
              <Group justify="flex-end">
                <Button onClick={() => setEditing({})}>{t(`taxonomies.addTitle.${item}`)}</Button>
              </Group>
              {taxonomy.query.isPending ? <Loading /> : null}
              {taxonomy.query.isSuccess && terms.length === 0 ? (
                <EmptyState title={t('taxonomies.empty')} />
              ) : null}
              {terms.length > 0 ? (
                <TermTable
                  terms={terms}
                  onEdit={(term) => setEditing({ term })}
                  onToggle={(term) => {
                    update.reset();
                    setToggling(term);
                  }}
                />
              ) : null}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      {editing ? <TermModal kind={kind} term={editing.term} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={toggling !== null}
        danger={action === 'retire'}
        title={toggling ? t(`taxonomies.confirm.${action}.title`, { label: termLabel(toggling) }) : ''}
        body={toggling ? t(`taxonomies.confirm.${action}.body`) : ''}
        confirmLabel={t(`taxonomies.${action}`)}
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
