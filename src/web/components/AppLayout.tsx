import { Alert, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { SessionInfo } from '../../shared/auth.schema';
import { logout } from '../features/auth/api';
import { SESSION_KEY } from '../features/auth/hooks/useSession';
import { setSignOutReason } from '../features/auth/signOutReason';
import { UnreadBadge, UnreadIndicator } from '../features/notifications/components/UnreadBadge';
import { useChangeLanguage } from '../features/profile/hooks/useChangeLanguage';
import { SearchLauncher } from '../features/search/components/SearchLauncher';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';
import { isolatedValues } from './isolate';

interface NavItem {
  to: string;
  label: string;
  unread?: boolean;
}

function navItems(session: SessionInfo, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/notifications', label: t('nav.notifications'), unread: true },
  ];
  const role = session.user.role;
  if (role === 'coordinator') {
    items.push({ to: '/intake', label: t('nav.newCall') }, { to: '/cases', label: t('nav.cases') });
  }
  if (role === 'counsellor') {
    items.push({ to: '/cases', label: t('nav.myCases') }, { to: '/my-profile', label: t('nav.myProfile') });
  }
  if (role === 'coordinator' || role === 'admin') {
    items.push(
      { to: '/emergency-approvals', label: t('nav.emergencyApprovals') },
      { to: '/counsellors', label: t('nav.counsellors') },
      { to: '/training', label: t('nav.training') },
    );
  }
  if (role === 'admin' || role === 'coordinator' || role === 'counsellor') {
    items.push({ to: '/partners', label: t('nav.partners') });
  }
  if (role === 'coordinator' || role === 'analyst') items.push({ to: '/reports', label: t('nav.reports') });
  if (session.abilities.manageUsers) items.push({ to: '/users', label: t('nav.users') });
  if (role === 'admin') {
    items.push(
      { to: '/settings/taxonomies', label: t('nav.taxonomies') },
      { to: '/settings/aftercare', label: t('nav.aftercare') },
      { to: '/settings/matching', label: t('nav.matching') },
      { to: '/settings/places', label: t('nav.places') },
    );
  }
  if (session.abilities.viewAudit) {
    items.push({ to: '/audit', label: t('nav.audit') }, { to: '/access-log', label: t('nav.accessLog') });
  }
  if (role === 'privacy_officer')
    items.push(
      { to: '/disclosures', label: t('nav.disclosures') },
      { to: '/four-eyes', label: t('nav.fourEyes') },
    );
  items.push({ to: '/profile', label: t('nav.profile') });
  return items;
}

/** Signed-in frame: header (organisation, user, language, sign out) and a role-based navbar. */
export function AppLayout({ session, children }: { session: SessionInfo; children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { change, pending } = useChangeLanguage();
  // Search finds cases, so it is there for those who work cases (the server decides again).
  const canSearch = session.user.role === 'coordinator' || session.user.role === 'counsellor';
  // Once the server's idle timeout has passed, ask it again: a 401 ends the session on screen too, so no
  // case data stays visible on an unattended screen.
  const idle = useIdle((session.idleTimeoutSeconds + 5) * 1000, { initialState: false });
  useEffect(() => {
    if (idle) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [idle, queryClient]);

  async function signOut() {
    try {
      await logout();
    } finally {
      setSignOutReason('signedOut');
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
      void navigate('/login', { replace: true });
    }
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <UnreadIndicator>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
            </UnreadIndicator>
            <Stack gap={0} miw={0}>
              <Group gap={6} wrap="nowrap" miw={0}>
                <Text fw={700} truncate="end" dir="auto">
                  {session.organisation.name}
                </Text>
                {session.organisation.demo ? (
                  // On a phone the banner below says it; the header has no room to spare there.
                  <Badge
                    color="yellow"
                    variant="filled"
                    visibleFrom="xs"
                    style={{ flexShrink: 0, minWidth: 'max-content' }}
                  >
                    {t('demo.badge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed" truncate="end" visibleFrom="xs">
                {t('app.name')}
              </Text>
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" truncate="end" maw={200} dir="auto">
              {session.user.displayName}
            </Text>
            {canSearch ? <SearchLauncher /> : null}
            <LanguageSwitch onChange={(language) => void change(language)} disabled={pending} />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('common.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('nav.mainNav')}>
        {navItems(session, t).map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end
            label={item.label}
            rightSection={item.unread ? <UnreadBadge /> : undefined}
            active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
        <Text size="sm" c="dimmed" mt="auto" hiddenFrom="md" px="sm">
          {isolatedValues((v) => t('shell.signedInAs', v), { name: session.user.displayName })}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        {session.organisation.demo ? (
          // Every page of a demo organisation says so: invented records must never be taken for real ones.
          <Alert color="yellow" variant="light" mb="md" role="note" title={t('demo.badge')}>
            {t('demo.banner')}
          </Alert>
        ) : null}
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
