import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import type { TrainingOverview } from '../api';

const COLOURS = { basic_missing: 'red', basic_expired: 'red', expires_soon: 'orange' } as const;

/** Who needs (re)training: basic training missing or expired, or expiring soon. */
export function NeedsList({ needs }: { needs: TrainingOverview['needs'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="needs-title">
        {t('training.needs')}
      </Title>
      {needs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noNeeds')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="needs-title">
          {needs.map((need) => (
            <Group component="li" key={need.userId} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/counsellors/${need.userId}`} fw={500} dir="auto">
                {need.name}
              </Anchor>
              <Badge color={COLOURS[need.need]} variant="light" tt="none">
                {t(`training.needKinds.${need.need}`, { date: formatDay(need.until, language) })}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
