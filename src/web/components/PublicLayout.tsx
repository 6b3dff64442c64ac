import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../features/profile/hooks/useChangeLanguage';
import { LanguageSwitch } from './LanguageSwitch';

/** Frame for pages before sign-in: name, language switch, one centered card. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { change, pending } = useChangeLanguage();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitch onChange={(language) => void change(language)} disabled={pending} />
        </Group>
      </Box>
      <Container component="main" id="main" size={520} py="xl" px="md">
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
          {children ?? <Outlet />}
        </Paper>
      </Container>
    </Box>
  );
}
