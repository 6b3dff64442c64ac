import { Divider, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { PasswordForm } from '../features/profile/components/PasswordForm';
import { ProfileForm } from '../features/profile/components/ProfileForm';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Stack maw={560}>
      <PageHeading>{t('titles.profile')}</PageHeading>
      <Paper withBorder p="md">
        <ProfileForm session={session} />
      </Paper>
      <Divider />
      <Paper withBorder p="md">
        <PasswordForm email={session.user.email} />
      </Paper>
    </Stack>
  );
}
