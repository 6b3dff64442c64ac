import { Button, Group, NativeSelect, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS } from '../../../../shared/cases.schema';
import type { CaseDetail, SupportLevel } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCaseMutations } from '../hooks/useCases';
import { Section } from './Section';

/** The case summary (editable), the support level (it sets the aftercare schedule) and the urgent flag. */
export function SummarySection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { update } = useCaseMutations(detail.id);
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(detail.summary);
  const canEdit = detail.abilities.canEdit;

  return (
    <Section id="summary" title={t('case.summary')}>
      <Stack gap="sm">
        <ErrorAlert error={update.error} />
        {editing ? (
          <Stack gap="xs">
            <Textarea
              label={t('case.summary')}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={4000}
              autoFocus
            />
            <Group gap="xs">
              <Button
                size="xs"
                loading={update.isPending}
                disabled={!summary.trim()}
                onClick={() =>
                  update.mutate({ summary: summary.trim() }, { onSuccess: () => setEditing(false) })
                }
              >
                {t('common.save')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setSummary(detail.summary);
                  setEditing(false);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {detail.summary}
            </Text>
            {canEdit ? (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('case.editSummary')}
              </Button>
            ) : null}
          </Stack>
        )}
        <Group gap="lg" align="flex-end">
          <NativeSelect
            label={t('case.supportLevel')}
            description={t('case.supportLevelHint')}
            value={detail.supportLevel ?? ''}
            disabled={!canEdit || update.isPending}
            onChange={(event) => {
              const value = event.currentTarget.value as SupportLevel | '';
              if (value) update.mutate({ supportLevel: value });
            }}
            data={[
              ...(detail.supportLevel ? [] : [{ value: '', label: t('case.chooseSupportLevel') }]),
              ...SUPPORT_LEVELS.map((value) => ({ value, label: t(`supportLevels.${value}`) })),
            ]}
            w={{ base: '100%', xs: 260 }}
          />
          <Switch
            label={t('case.urgent')}
            checked={detail.urgent}
            disabled={!canEdit || update.isPending}
            onChange={(event) => update.mutate({ urgent: event.currentTarget.checked })}
            color="red"
            pb={8}
          />
        </Group>
      </Stack>
    </Section>
  );
}
