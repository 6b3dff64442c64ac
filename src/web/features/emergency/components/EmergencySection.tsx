import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../cases/components/Section';
import { useCaseEmergencies } from '../hooks';
import { EmergencyCard } from './EmergencyCard';
import { EmergencyForm } from './EmergencyForm';

/**
 * The emergency path on the case page (coordinators only): sharing without consent, for acute danger to
 * life or a serious crime, after a second person's approval.
 */
export function EmergencySection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const requests = useCaseEmergencies(detail.id);
  const [adding, setAdding] = useState(false);
  const items = [...(requests.data?.items ?? [])].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <Section id="emergency" title={t('emergency.title')}>
      <Stack gap="sm">
        <Alert color="red" variant="light" title={t('emergency.onlyFor')}>
          {t('emergency.onlyForBody')}
        </Alert>
        {adding ? (
          <EmergencyForm
            caseId={detail.id}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div>
            <Button color="red" variant="outline" onClick={() => setAdding(true)}>
              {t('emergency.start')}
            </Button>
          </div>
        )}
        <ErrorAlert error={requests.error} />
        {requests.isPending ? <Loading /> : null}
        {requests.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('emergency.empty')}
          </Text>
        ) : null}
        {items.length ? (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('emergency.listLabel')}
          >
            {items.map((request) => (
              <EmergencyCard key={request.id} request={request} />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
