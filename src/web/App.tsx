import { DirectionProvider, MantineProvider, mergeThemeOverrides, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import type { Page } from '../shared/auth.schema';
import type { UiLanguage } from '../shared/roles';
import { isApiError, setUnauthenticatedHandler } from './api/client';
import { AppLayout } from './components/AppLayout';
import { ErrorAlert } from './components/ErrorAlert';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import { PublicLayout } from './components/PublicLayout';
import { SESSION_KEY, useSession, useSetSession } from './features/auth/hooks/useSession';
import { takePickedLanguage } from './features/auth/pickedLanguage';
import { updateMe } from './features/profile/api';
import { setSignOutReason } from './features/auth/signOutReason';
import { useSetupStatus } from './features/setup/hooks/useSetupStatus';
import { currentLanguage, directionOf, setLanguage } from './i18n';
import { cssVariablesResolver, theme } from './theme';

const SetupPage = lazy(() => import('./routes/SetupPage'));
const LoginPage = lazy(() => import('./routes/LoginPage'));
const InvitePage = lazy(() => import('./routes/InvitePage'));
const HomePage = lazy(() => import('./routes/HomePage'));
const ProfilePage = lazy(() => import('./routes/ProfilePage'));
const UsersPage = lazy(() => import('./routes/UsersPage'));
const AuditPage = lazy(() => import('./routes/AuditPage'));
const AccessLogPage = lazy(() => import('./routes/AccessLogPage'));
const NotFoundPage = lazy(() => import('./routes/NotFoundPage'));
const IntakePage = lazy(() => import('./routes/IntakePage'));
const CasesPage = lazy(() => import('./routes/CasesPage'));
const CasePage = lazy(() => import('./routes/CasePage'));
const TaxonomiesPage = lazy(() => import('./routes/TaxonomiesPage'));
const AftercarePage = lazy(() => import('./routes/AftercarePage'));
const CounsellorsPage = lazy(() => import('./routes/CounsellorsPage'));
const CounsellorPage = lazy(() => import('./routes/CounsellorPage'));
const MyProfilePage = lazy(() => import('./routes/MyProfilePage'));
const TrainingPage = lazy(() => import('./routes/TrainingPage'));
const MatchingWeightsPage = lazy(() => import('./routes/MatchingWeightsPage'));
const PlacesPage = lazy(() => import('./routes/PlacesPage'));
const PartnersPage = lazy(() => import('./routes/PartnersPage'));
const EmergencyApprovalsPage = lazy(() => import('./routes/EmergencyApprovalsPage'));
const DisclosuresPage = lazy(() => import('./routes/DisclosuresPage'));
const FourEyesPage = lazy(() => import('./routes/FourEyesPage'));
const NotificationsPage = lazy(() => import('./routes/NotificationsPage'));
const ReportsPage = lazy(() => import('./routes/ReportsPage'));
const HandbookPage = lazy(() => import('./routes/HandbookPage'));
const HandbookArticlePage = lazy(() => import('./routes/HandbookArticlePage'));
const PublicSitePage = lazy(() => import('./routes/PublicSitePage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/** Keeps Mantine's direction in step with the i18next language. */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(currentLanguage()));
  }, [i18n.language, setDirection]);
  return null;
}

/**
 * A signed-in user gets their saved language — unless they picked one on the sign-in page just before: that
 * choice is kept and saved to their account.
 */
function SessionLanguageSync() {
  const { data: session } = useSession();
  const setSession = useSetSession();
  const saved = session?.stage === 'full' ? session.user.language : undefined;
  // Held in a ref: an effect that runs twice must not lose the pick it already took.
  const picked = useRef<UiLanguage | undefined>(undefined);
  useEffect(() => {
    if (!saved) return;
    picked.current ??= takePickedLanguage();
    const choice = picked.current;
    if (choice && choice !== saved) {
      void setLanguage(choice);
      updateMe({ language: choice }).then(setSession, () => undefined);
      return;
    }
    picked.current = undefined;
    if (saved !== currentLanguage()) void setLanguage(saved);
  }, [saved, setSession]);
  return null;
}

/** Any 401 `unauthenticated` (idle timeout, revoked session) ends the session in the UI. */
function UnauthenticatedHandler() {
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setSignOutReason('sessionEnded');
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [client]);
  return null;
}

/** Sends every page to the first-run wizard while the installation has no organisation yet. */
function SetupGate() {
  const status = useSetupStatus();
  const location = useLocation();
  if (status.isPending) return <Loading />;
  if (status.isError) {
    return (
      <PublicLayout>
        <ErrorAlert error={status.error} />
      </PublicLayout>
    );
  }
  if (status.data.needed && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Signed-in area: anything less than a full session goes to the sign-in page. */
function RequireSession() {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) {
    return (
      <PublicLayout>
        <ErrorAlert error={error} />
      </PublicLayout>
    );
  }
  if (!session || session.stage !== 'full') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <AppLayout session={session} />;
}

/** A screen the server said this session may open; otherwise the 404 page. The server checks again on every request. */
function RequirePage({ page, children }: { page: Page; children: ReactNode }) {
  const { data: session } = useSession();
  if (!session?.abilities.pages.includes(page)) return <NotFoundPage />;
  return children;
}

/** Unknown paths: the 404 page inside whichever frame fits the visitor. */
function NotFoundRoute() {
  const { data: session, isPending } = useSession();
  if (isPending) return <Loading />;
  if (session?.stage === 'full') {
    return (
      <AppLayout session={session}>
        <NotFoundPage />
      </AppLayout>
    );
  }
  return (
    <PublicLayout>
      <NotFoundPage />
    </PublicLayout>
  );
}

function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<SetupGate />}>
          <Route
            element={
              <PublicLayout>
                <ErrorBoundary>
                  <Suspense fallback={<Loading />}>
                    <Outlet />
                  </Suspense>
                </ErrorBoundary>
              </PublicLayout>
            }
          >
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/invite" element={<InvitePage />} />
          </Route>
          <Route element={<RequireSession />}>
            <Route index element={<HomePage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route
              path="/handbook"
              element={
                <RequirePage page="handbook">
                  <HandbookPage />
                </RequirePage>
              }
            />
            <Route
              path="/handbook/:id"
              element={
                <RequirePage page="handbook">
                  <HandbookArticlePage />
                </RequirePage>
              }
            />
            <Route
              path="/intake"
              element={
                <RequirePage page="intake">
                  <IntakePage />
                </RequirePage>
              }
            />
            <Route
              path="/cases"
              element={
                <RequirePage page="cases">
                  <CasesPage />
                </RequirePage>
              }
            />
            <Route
              path="/cases/:id"
              element={
                <RequirePage page="cases">
                  <CasePage />
                </RequirePage>
              }
            />
            <Route
              path="/settings/taxonomies"
              element={
                <RequirePage page="taxonomies">
                  <TaxonomiesPage />
                </RequirePage>
              }
            />
            <Route
              path="/settings/public-site"
              element={
                <RequirePage page="publicSite">
                  <PublicSitePage />
                </RequirePage>
              }
            />
            <Route
              path="/settings/aftercare"
              element={
                <RequirePage page="aftercare">
                  <AftercarePage />
                </RequirePage>
              }
            />
            <Route
              path="/counsellors"
              element={
                <RequirePage page="counsellors">
                  <CounsellorsPage />
                </RequirePage>
              }
            />
            <Route
              path="/counsellors/:id"
              element={
                <RequirePage page="counsellors">
                  <CounsellorPage />
                </RequirePage>
              }
            />
            <Route
              path="/my-profile"
              element={
                <RequirePage page="myProfile">
                  <MyProfilePage />
                </RequirePage>
              }
            />
            <Route
              path="/training"
              element={
                <RequirePage page="training">
                  <TrainingPage />
                </RequirePage>
              }
            />
            <Route
              path="/settings/matching"
              element={
                <RequirePage page="matching">
                  <MatchingWeightsPage />
                </RequirePage>
              }
            />
            <Route
              path="/settings/places"
              element={
                <RequirePage page="places">
                  <PlacesPage />
                </RequirePage>
              }
            />
            <Route
              path="/partners"
              element={
                <RequirePage page="partners">
                  <PartnersPage />
                </RequirePage>
              }
            />
            <Route
              path="/emergency-approvals"
              element={
                <RequirePage page="emergencyApprovals">
                  <EmergencyApprovalsPage />
                </RequirePage>
              }
            />
            <Route
              path="/reports"
              element={
                <RequirePage page="reports">
                  <ReportsPage />
                </RequirePage>
              }
            />
            <Route
              path="/disclosures"
              element={
                <RequirePage page="disclosures">
                  <DisclosuresPage />
                </RequirePage>
              }
            />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route
              path="/four-eyes"
              element={
                <RequirePage page="fourEyes">
                  <FourEyesPage />
                </RequirePage>
              }
            />
            <Route
              path="/users"
              element={
                <RequirePage page="users">
                  <UsersPage />
                </RequirePage>
              }
            />
            <Route
              path="/audit"
              element={
                <RequirePage page="audit">
                  <AuditPage />
                </RequirePage>
              }
            />
            <Route
              path="/access-log"
              element={
                <RequirePage page="accessLog">
                  <AccessLogPage />
                </RequirePage>
              }
            />
          </Route>
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/**
 * The theme with the translated names of Mantine's icon-only close buttons (modals, drawers, alerts), which
 * otherwise have no accessible name.
 */
function useLocalisedTheme() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    // Not the word on a dialog's own close button: two buttons named alike would confuse screen-reader users.
    const close = { 'aria-label': t('common.closeDialog') };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: { defaultProps: { closeButtonProps: close } },
        Drawer: { defaultProps: { closeButtonProps: close } },
        Alert: { defaultProps: { closeButtonLabel: t('common.closeDialog') } },
        // A table wider than a phone scrolls sideways: keyboard users must be able to reach and scroll it.
        TableScrollContainer: {
          defaultProps: {
            scrollAreaProps: {
              viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('common.scrollableTable') },
            },
          },
        },
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language decides the labels
  }, [t, i18n.language]);
}

export function App() {
  const localisedTheme = useLocalisedTheme();
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())}>
      <MantineProvider theme={localisedTheme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <DirectionSync />
          <SessionLanguageSync />
          <UnauthenticatedHandler />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
