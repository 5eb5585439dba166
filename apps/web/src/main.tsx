import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { SessionProvider, useSession } from './auth/session';
import { Layout } from './Layout';
import { LoginPage } from './pages/LoginPage';
import { Loading } from './components/states';
import { useTitle } from './lib/use-title';
import './styles.css';

// Everything behind the login is loaded on demand, so the login page stays small.
const PortfolioPage = lazy(() => import('./pages/PortfolioPage'));
const EngagementPage = lazy(() => import('./pages/EngagementPage'));
const AlertsPage = lazy(() => import('./pages/AlertsPage'));
const AlertPage = lazy(() => import('./pages/AlertPage'));
const ManagePage = lazy(() => import('./pages/ManagePage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const PlaybooksPage = lazy(() => import('./pages/PlaybooksPage'));
const PasswordResetPage = lazy(() => import('./pages/PasswordResetPage'));
const SignupVerifyPage = lazy(() => import('./pages/SignupVerifyPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const HandoverPage = lazy(() => import('./pages/HandoverPage'));
const SharedReportPage = lazy(() => import('./pages/SharedReportPage'));
const AcceptInvitationPage = lazy(() => import('./pages/AcceptInvitationPage'));
const CheckInLinkPage = lazy(() => import('./pages/CheckInLinkPage'));
const SsoCallbackPage = lazy(() => import('./pages/SsoCallbackPage'));

function RequireSession({ children }: { children: React.ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading what="your session" />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Password reset emails link here, with ?token=. */}
      <Route path="/reset-password" element={<PasswordResetPage />} />
      {/* Sign-up emails link here, with ?token=. */}
      <Route path="/signup/verify" element={<SignupVerifyPage />} />
      {/* A report's share link: opens without login. */}
      <Route path="/shared/reports/:token" element={<SharedReportPage />} />
      {/* Invitation emails link here, with ?token=. */}
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      {/* Check-in reminder emails link here, with ?token=: the check-in form without login. */}
      <Route path="/check-in" element={<CheckInLinkPage />} />
      {/* The organization's identity provider sends the browser back here (single sign-on). */}
      <Route path="/sso/callback" element={<SsoCallbackPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/portfolio" replace />} />
        <Route path="/portfolio" element={<PortfolioPage />} />
        <Route path="/engagements/:id" element={<EngagementPage />} />
        <Route path="/alerts" element={<AlertsPage />} />
        {/* Alert emails link here for alerts outside any engagement. */}
        <Route path="/alerts/:id" element={<AlertPage />} />
        <Route path="/reports/:id" element={<ReportPage />} />
        <Route path="/handovers/:id" element={<HandoverPage />} />
        <Route path="/manage/*" element={<ManagePage />} />
        <Route path="/playbooks/*" element={<PlaybooksPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        {/* Digest emails link here ("Digest settings"). */}
        <Route path="/settings/digest" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function NotFoundPage() {
  useTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Use the navigation above.</p>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <Suspense fallback={<Loading what="the page" />}>
          <App />
        </Suspense>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
