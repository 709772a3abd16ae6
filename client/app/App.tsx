import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthGate } from './AuthGate.tsx';
import { BootSplash } from './BootSplash.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { NotFoundPage, SectionPlaceholderPage } from './NotFoundPage.tsx';
import { PLACEHOLDER_SECTIONS } from './nav.ts';
import { Shell } from './Shell.tsx';

// Each page is its own chunk: the entry holds only the shell, the router and the data layer.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const MagicLinkRequestPage = lazy(() => import('../features/auth/MagicLinkRequestPage.tsx'));
const MagicConfirmPage = lazy(() => import('../features/auth/MagicConfirmPage.tsx'));
const CsatPage = lazy(() => import('../features/csat/CsatPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx'));
const SecurityPage = lazy(() => import('../features/security/SecurityPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage.tsx'));
const OrganizationsPage = lazy(() => import('../features/organizations/OrganizationsPage.tsx'));
const OrganizationDetailPage = lazy(() => import('../features/organizations/OrganizationDetailPage.tsx'));
const BrandingPage = lazy(() => import('../features/branding/BrandingPage.tsx'));
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage.tsx'));
const OutboxMessagePage = lazy(() => import('../features/outbox/OutboxMessagePage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const TicketsPage = lazy(() => import('../features/tickets/TicketsPage.tsx'));
const NewTicketPage = lazy(() => import('../features/tickets/NewTicketPage.tsx'));
const TicketPage = lazy(() => import('../features/tickets/TicketPage.tsx'));
const DeskPage = lazy(() => import('../features/desk/DeskPage.tsx'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx'));
const NotificationSettingsPage = lazy(() => import('../features/notifications/NotificationSettingsPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Suspense fallback={<BootSplash />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/link" element={<MagicLinkRequestPage />} />
            <Route path="/auth/magic" element={<MagicConfirmPage />} />
            <Route path="/csat/:token" element={<CsatPage />} />
            <Route
              element={
                <AuthGate>
                  <Shell />
                </AuthGate>
              }
            >
              <Route index element={<DashboardPage />} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="security" element={<SecurityPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="users/:id" element={<UserDetailPage />} />
              <Route path="organizations" element={<OrganizationsPage />} />
              <Route path="organizations/:id" element={<OrganizationDetailPage />} />
              <Route path="branding" element={<BrandingPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="outbox/:id" element={<OutboxMessagePage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="tickets" element={<TicketsPage />} />
              <Route path="tickets/new" element={<NewTicketPage />} />
              <Route path="tickets/:id" element={<TicketPage />} />
              <Route path="desk" element={<DeskPage />} />
              <Route path="notifications" element={<NotificationsPage />} />
              <Route path="settings/notifications" element={<NotificationSettingsPage />} />
              {PLACEHOLDER_SECTIONS.map((section) => (
                <Route
                  key={section}
                  path={`${section}/*`}
                  element={<SectionPlaceholderPage section={section} />}
                />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
