import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { EmergencyCard } from '../features/emergency/components/EmergencyCard';
import { useEmergencyRequests } from '../features/emergency/hooks';

type View = 'pending' | 'all';

/**
 * Emergency approvals (coordinators and admins): the second pair of eyes. A request is never decided by the
 * person who made it; they see it here as waiting for someone else.
 */
export default function EmergencyApprovalsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [view, setView] = useState<View>('pending');
  const requests = useEmergencyRequests(view === 'pending' ? 'pending' : undefined);
  const items = [...(requests.data?.items ?? [])].sort(
    (a, b) => Number(b.canDecide) - Number(a.canDecide) || b.requestedAt.localeCompare(a.requestedAt),
  );
  // Admins see no case pages: the reference is shown, not linked.
  const linkToCase = session?.abilities.pages.includes('cases') === true;
  return (
    <Stack maw={900}>
      <PageHeading>{t('titles.emergencyApprovals')}</PageHeading>
      <Text size="sm">{t('approvals.intro')}</Text>
      <SegmentedControl
        aria-label={t('approvals.show')}
        value={view}
        onChange={(value) => setView(value)}
        data={[
          { value: 'pending', label: t('approvals.pending') },
          { value: 'all', label: t('approvals.all') },
        ]}
        maw={360}
      />
      <ErrorAlert error={requests.error} />
      {requests.isPending ? <Loading /> : null}
      {requests.isSuccess && items.length === 0 ? (
        <EmptyState title={view === 'pending' ? t('approvals.emptyPending') : t('approvals.empty')} />
      ) : null}
      {items.length ? (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('approvals.listLabel')}
        >
          {items.map((request) => (
            <EmergencyCard key={request.id} request={request} onApprovalsPage linkToCase={linkToCase} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
