import { Alert, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Page, SessionInfo } from '../../shared/auth.schema';
import { logout } from '../features/auth/api';
import { SESSION_KEY } from '../features/auth/hooks/useSession';
import { setSignOutReason } from '../features/auth/signOutReason';
import { UnreadBadge, UnreadIndicator } from '../features/notifications/components/UnreadBadge';
import { useChangeLanguage } from '../features/profile/hooks/useChangeLanguage';
import { SearchLauncher } from '../features/search/components/SearchLauncher';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';
import type { TranslationKey } from '../i18n';
import { isolatedValues } from './isolate';

interface NavItem {
  to: string;
  label: string;
  unread?: boolean;
}

/** Where each screen lives and what the navigation calls it; which screens a user sees comes from the server. */
const PAGE_LINKS: Readonly<Record<Page, { to: string; label: TranslationKey }>> = {
  intake: { to: '/intake', label: 'nav.newCall' },
  cases: { to: '/cases', label: 'nav.cases' },
  myProfile: { to: '/my-profile', label: 'nav.myProfile' },
  emergencyApprovals: { to: '/emergency-approvals', label: 'nav.emergencyApprovals' },
  counsellors: { to: '/counsellors', label: 'nav.counsellors' },
  training: { to: '/training', label: 'nav.training' },
  activities: { to: '/activities', label: 'nav.activities' },
  partners: { to: '/partners', label: 'nav.partners' },
  publicSite: { to: '/settings/public-site', label: 'nav.publicSite' },
  reports: { to: '/reports', label: 'nav.reports' },
  peers: { to: '/peers', label: 'nav.peers' },
  users: { to: '/users', label: 'nav.users' },
  taxonomies: { to: '/settings/taxonomies', label: 'nav.taxonomies' },
  aftercare: { to: '/settings/aftercare', label: 'nav.aftercare' },
  matching: { to: '/settings/matching', label: 'nav.matching' },
  places: { to: '/settings/places', label: 'nav.places' },
  audit: { to: '/audit', label: 'nav.audit' },
  accessLog: { to: '/access-log', label: 'nav.accessLog' },
  disclosures: { to: '/disclosures', label: 'nav.disclosures' },
  fourEyes: { to: '/four-eyes', label: 'nav.fourEyes' },
  handbook: { to: '/handbook', label: 'nav.handbook' },
};

function navItems(session: SessionInfo, t: TFunction): NavItem[] {
  const { pages, ownCasesOnly } = session.abilities;
  return [
    { to: '/', label: t('nav.home') },
    { to: '/notifications', label: t('nav.notifications'), unread: true },
    ...pages.map((page) => ({
      to: PAGE_LINKS[page].to,
      label: t(page === 'cases' && ownCasesOnly ? 'nav.myCases' : PAGE_LINKS[page].label),
    })),
    { to: '/profile', label: t('nav.profile') },
  ];
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
  const canSearch = session.abilities.search;
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
