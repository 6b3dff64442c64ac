import { Alert, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { MeetingsTab } from '../features/peers/components/MeetingsTab';
import { MembersTab } from '../features/peers/components/MembersTab';
import { RequestsTab } from '../features/peers/components/RequestsTab';

const TABS = ['members', 'meetings', 'requests'] as const;
type Tab = (typeof TABS)[number];

/** Platform Achterblijvers: the private peer network, for its organisers only (kept apart from cases). */
export default function PeersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.find((x) => x === raw) ?? 'members';
  return (
    <Stack maw={1100}>
      <PageHeading>{t('titles.peers')}</PageHeading>
      <Alert variant="light" color="grape" title={t('peers.privateTitle')}>
        {t('peers.privateBody')}
      </Alert>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'members' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List aria-label={t('titles.peers')}>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`peers.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersTab />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <RequestsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
