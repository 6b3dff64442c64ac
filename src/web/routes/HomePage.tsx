import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../features/auth/hooks/useSession';

/** Greeting plus an honest account of what this role can do in this version. */
export default function HomePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  usePageTitle(t('titles.home'));
  if (!session) return null;
  const role = session.user.role;
  const abilities = t(`roleAbilities.${role}`, { returnObjects: true }) as unknown;
  const items = Array.isArray(abilities) ? abilities.map(String) : [];

  return (
    <Stack maw={820}>
      <PageHeading title={false}>{t('home.greeting', { name: session.user.displayName })}</PageHeading>
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
    </Stack>
  );
}
