import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { currentLanguage } from '../../../i18n';
import { useProfile, useProfileMutations } from '../hooks';
import { AbsencesSection } from './AbsencesSection';
import { CounsellorProfileForm } from './CounsellorProfileForm';
import { MyTrainings, trainedUntilText } from './MyTrainings';
import { CounsellorStatusBadge, EligibilityBadges } from './StatusBadges';

/** A counsellor's profile page: for coordinators and admins everything, for the counsellor their own part. */
export function CounsellorProfileView({ userId, mode }: { userId: string; mode: 'manager' | 'self' }) {
  const { t } = useTranslation();
  const profile = useProfile(userId);
  const { update } = useProfileMutations(userId);
  const language = currentLanguage();
  if (profile.isPending) return <Loading />;
  if (profile.error) {
    if (isApiError(profile.error, 'not_found') || isApiError(profile.error, 'validation_failed')) {
      return (
        <Stack>
          <PageHeading>{t('counsellors.notFound')}</PageHeading>
          <Anchor component={Link} to="/counsellors">
            {t('counsellors.backToList')}
          </Anchor>
        </Stack>
      );
    }
    return <ErrorAlert error={profile.error} />;
  }
  const p = profile.data;
  const vogValid = !!p.vogExpiresOn && p.vogExpiresOn >= todayIso();
  return (
    <Stack maw={900}>
      <PageHeading>{mode === 'self' ? t('titles.myProfile') : p.name}</PageHeading>
      {mode === 'manager' ? (
        <Anchor component={Link} to="/counsellors" size="sm">
          {t('counsellors.backToList')}
        </Anchor>
      ) : null}
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <CounsellorStatusBadge status={p.status} />
            <EligibilityBadges trained={p.trainedUntil !== null} vogValid={vogValid} />
          </Group>
          <Text size="sm">{t('counsellors.caseload', { n: p.activeCases, max: p.maxActiveCases })}</Text>
          <Text size="sm">{trainedUntilText(t, p.trainedUntil, language)}</Text>
          <Text size="sm">
            {t('counsellors.vog')}: {formatDay(p.vogIssuedOn, language)} –{' '}
            {formatDay(p.vogExpiresOn, language)}
          </Text>
          {mode === 'self' ? (
            <Text size="sm" c="dimmed">
              {t('counsellors.selfHint')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <CounsellorProfileForm key={JSON.stringify(p)} profile={p} mode={mode} update={update} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="absences-title">
        <AbsencesSection userId={userId} />
      </Paper>
      {mode === 'self' ? (
        <Paper withBorder p="md">
          <MyTrainings />
        </Paper>
      ) : null}
    </Stack>
  );
}
