import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCaseMutations } from '../../cases/hooks/useCases';
import { Section } from '../../cases/components/Section';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { shortlistKey } from '../api';
import { fromPreferences, PreferencesFields, toPreferences } from './PreferencesFields';

/** What the caller said they would like in a counsellor; editable by whoever may edit the case. */
export function PreferencesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const client = useQueryClient();
  const { update } = useCaseMutations(detail.id);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(() => fromPreferences(detail.preferences));
  const prefs = detail.preferences;
  const stated = [
    prefs.counsellorGender ? t(`counsellors.genders.${prefs.counsellorGender}`) : null,
    prefs.backgroundId ? taxonomy.label(prefs.backgroundId) : null,
    prefs.language ? t(`conversationLanguages.${prefs.language}`) : null,
  ].filter(Boolean);

  function save() {
    update.mutate(
      { preferences: toPreferences(values) },
      {
        onSuccess: () => {
          setEditing(false);
          void client.invalidateQueries({ queryKey: shortlistKey(detail.id) });
        },
      },
    );
  }

  return (
    <Section id="preferences" title={t('preferences.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('preferences.hint')}
        </Text>
        <ErrorAlert error={update.error} />
        {editing ? (
          <>
            <PreferencesFields values={values} onChange={setValues} disabled={update.isPending} />
            <Group gap="xs">
              <Button size="xs" loading={update.isPending} onClick={save}>
                {t('common.save')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setValues(fromPreferences(detail.preferences));
                  setEditing(false);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text>{stated.length ? stated.join(' · ') : t('preferences.noneStated')}</Text>
            {detail.abilities.canEdit ? (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('preferences.edit')}
              </Button>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
