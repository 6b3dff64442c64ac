import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionInfo } from '../../shared/auth.schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../features/auth/hooks/useSession';
import { MyActivities } from '../features/activities/components/MyActivities';
import { VolunteerRecordCard } from '../features/activities/components/VolunteerRecordCard';
import { SetupChecklist } from '../features/checklist/components/SetupChecklist';
import { useEmergencyRequests } from '../features/emergency/hooks';
import { CoordinatorWork, CounsellorWork } from '../features/work/components/MyWorkView';
import { useMyWork } from '../features/work/hooks/useMyWork';

/** Coordinators and counsellors land on "my work". */
function MyWorkHome() {
  const work = useMyWork();
  if (work.isPending) return <Loading />;
  if (work.error) return <ErrorAlert error={work.error} />;
  return work.data.scope === 'own' ? (
    <CounsellorWork work={work.data} />
  ) : (
    <CoordinatorWork work={work.data} />
  );
}

/** Admins have no "my work" page: emergency requests that wait for a second person are announced here. */
function PendingEmergencies() {
  const { t } = useTranslation();
  const requests = useEmergencyRequests('pending');
  const count = requests.data?.items.filter((item) => item.canDecide).length ?? 0;
  if (!count) return null;
  return (
    <Card
      withBorder
      style={{ borderColor: 'var(--mantine-color-red-6)' }}
      component="section"
      aria-labelledby="home-emergency"
    >
      <Title order={2} size="h4" id="home-emergency" mb="xs">
        {t('work.alertKinds.emergency_request')}
      </Title>
      <Text size="sm" mb="xs">
        {t('approvals.waitingCount', { n: count })}
      </Text>
      <Anchor component={Link} to="/emergency-approvals" fw={600}>
        {t('work.decideEmergency')}
      </Anchor>
    </Card>
  );
}

/** Other roles: an honest account of what this role can do in this version. */
function RoleOverview({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const role = session.user.role;
  const abilities = t(`roleAbilities.${role}`, { returnObjects: true }) as unknown;
  const items = Array.isArray(abilities) ? abilities.map(String) : [];
  return (
    <>
      {session.abilities.pages.includes('emergencyApprovals') ? <PendingEmergencies /> : null}
      {session.abilities.setupChecklist ? <SetupChecklist /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('home.organisation')}
          </Text>
          <Text fw={600}>{session.organisation.name}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('home.role')}
          </Text>
          <Text fw={600}>{t(`roles.${role}`)}</Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('home.whatYouCanDo')}
        </Title>
        <List spacing="xs">
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt="md">
          {t('home.versionNote')}
        </Text>
      </Card>
    </>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  usePageTitle(t('titles.home'));
  if (!session) return null;
  const casework = session.abilities.myWork;
  return (
    <Stack maw={casework ? 1100 : 820}>
      <PageHeading title={false}>{t('home.greeting', { name: session.user.displayName })}</PageHeading>
      {casework ? <MyWorkHome /> : <RoleOverview session={session} />}
      {session.abilities.myActivities ? <MyActivities /> : null}
      {session.abilities.myActivities ? <VolunteerRecordCard userId={session.user.id} /> : null}
    </Stack>
  );
}
