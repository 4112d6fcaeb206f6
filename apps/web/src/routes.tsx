import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration, type RouteObject } from 'react-router-dom';
import { RequireAuth, RoleGate } from './auth/current-user';
import { AGENCY_ROLES, ALL_ROLES, COMMITTEE_ADMIN_ROLES, COMMITTEE_ROLES, PROVIDER_ROLES } from './auth/roles';
import { AppLayout } from './layout/app.layout';
import { PublicLayout } from './layout/public.layout';
import type { AppSection } from './navigation';
import { PageLoader } from './components/detail-layout';
import { AgencyHomePage } from './pages/agency-home.page';
import { AllocationPlanPage } from './pages/allocation-plan.page';
import { OrganizationsPage } from './pages/organizations.page';
import { UsersPage } from './pages/users.page';
import { CommitteeHomePage } from './pages/committee-home.page';
import { DeliveriesPage } from './pages/deliveries.page';
import { EditRequestPage } from './pages/edit-request.page';
import { MailboxPage } from './pages/mailbox.page';
import { AgencyMatchesPage, CommitteeMatchesPage, ProviderMatchesPage } from './pages/matches-list.page';
import { MatchingWeightsPage } from './pages/matching-weights.page';
import { MyFiguresPage } from './pages/my-figures.page';
import { MyRequestsPage } from './pages/my-requests.page';
import { NewRequestPage } from './pages/new-request.page';
import { NotificationPreferencesPage } from './pages/notification-preferences.page';
import { NotificationsPage } from './pages/notifications.page';
import { OfferDetailPage } from './pages/offer-detail.page';
import { EditOfferPage, NewOfferPage } from './pages/offer-form.page';
import { CommitteeOffersPage, MyOffersPage } from './pages/offers-list.page';
import { NotFoundPage } from './pages/not-found.page';
import { ProviderHomePage } from './pages/provider-home.page';
import { PublicRequestsPage } from './pages/public-requests.page';
import { RequestDetailPage } from './pages/request-detail.page';
import { CirculatedRequestsPage, CommitteeRequestsPage } from './pages/requests-list.page';
import { ReviewQueuePage } from './pages/review-queue.page';
import { RootRedirectPage } from './pages/root-redirect.page';
import { SignInPage } from './pages/sign-in.page';

// The dashboard alone needs ECharts: load it, and the charts, when someone opens it.
const ReportsPage = lazy(() => import('./pages/reports.page').then((module) => ({ default: module.ReportsPage })));

// The one table of signed-in pages. The navbar, the home-page cards and the role checks are all derived from
// it, so adding a section means adding its row here, nothing else.
// Order here is order in the navbar.
export const appSections: readonly AppSection[] = [
  // Committee
  { path: '/committee', section: 'home', roles: COMMITTEE_ROLES, nav: 'main', element: <CommitteeHomePage /> },
  {
    path: '/committee/review-queue',
    section: 'reviewQueue',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <ReviewQueuePage />,
  },
  {
    path: '/committee/requests',
    section: 'requests',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <CommitteeRequestsPage />,
  },
  {
    path: '/committee/requests/:id',
    section: 'requestDetail',
    roles: COMMITTEE_ROLES,
    nav: 'none',
    element: <RequestDetailPage />,
  },
  {
    path: '/committee/offers',
    section: 'offers',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <CommitteeOffersPage />,
  },
  {
    path: '/committee/offers/:id',
    section: 'offerDetail',
    roles: COMMITTEE_ROLES,
    nav: 'none',
    element: <OfferDetailPage />,
  },
  {
    path: '/committee/matches',
    section: 'matches',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <CommitteeMatchesPage />,
  },
  {
    path: '/committee/allocation-plan',
    section: 'allocationPlan',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <AllocationPlanPage />,
  },
  {
    path: '/committee/reports',
    section: 'reports',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: (
      <Suspense fallback={<PageLoader />}>
        <ReportsPage />
      </Suspense>
    ),
  },

  // State agencies
  { path: '/agency', section: 'home', roles: AGENCY_ROLES, nav: 'main', element: <AgencyHomePage /> },
  {
    path: '/agency/requests',
    section: 'myRequests',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <MyRequestsPage />,
  },
  {
    path: '/agency/requests/new',
    section: 'newRequest',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <NewRequestPage />,
  },
  {
    path: '/agency/requests/:id',
    section: 'requestDetail',
    roles: AGENCY_ROLES,
    nav: 'none',
    element: <RequestDetailPage />,
  },
  {
    path: '/agency/requests/:id/edit',
    section: 'editRequest',
    roles: AGENCY_ROLES,
    nav: 'none',
    element: <EditRequestPage />,
  },
  {
    path: '/agency/matches',
    section: 'agencyMatches',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <AgencyMatchesPage />,
  },
  {
    path: '/agency/figures',
    section: 'myFigures',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <MyFiguresPage />,
  },

  // Providers
  { path: '/provider', section: 'home', roles: PROVIDER_ROLES, nav: 'main', element: <ProviderHomePage /> },
  {
    path: '/provider/offers',
    section: 'myOffers',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <MyOffersPage />,
  },
  {
    path: '/provider/offers/new',
    section: 'newOffer',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <NewOfferPage />,
  },
  {
    path: '/provider/offers/:id',
    section: 'offerDetail',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <OfferDetailPage />,
  },
  {
    path: '/provider/offers/:id/edit',
    section: 'editOffer',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <EditOfferPage />,
  },
  {
    path: '/provider/requests',
    section: 'circulatedRequests',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <CirculatedRequestsPage />,
  },
  {
    path: '/provider/requests/:id',
    section: 'requestDetail',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <RequestDetailPage />,
  },
  {
    path: '/provider/matches',
    section: 'providerMatches',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <ProviderMatchesPage />,
  },
  {
    path: '/provider/figures',
    section: 'myFigures',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <MyFiguresPage />,
  },

  // Everyone signed in
  {
    path: '/notifications',
    section: 'notifications',
    roles: ALL_ROLES,
    nav: 'main',
    element: <NotificationsPage />,
  },
  {
    path: '/notifications/preferences',
    section: 'notificationPreferences',
    roles: ALL_ROLES,
    nav: 'none',
    element: <NotificationPreferencesPage />,
  },

  // Committee administration (the weights, mailbox and deliveries are read by every Committee member)
  {
    path: '/committee/matching-weights',
    section: 'matchingWeights',
    roles: COMMITTEE_ROLES,
    nav: 'administration',
    element: <MatchingWeightsPage />,
  },
  {
    path: '/committee/mailbox',
    section: 'mailbox',
    roles: COMMITTEE_ROLES,
    nav: 'administration',
    element: <MailboxPage />,
  },
  {
    path: '/committee/deliveries',
    section: 'deliveries',
    roles: COMMITTEE_ROLES,
    nav: 'administration',
    element: <DeliveriesPage />,
  },
  {
    path: '/committee/admin/organisations',
    section: 'organisations',
    roles: COMMITTEE_ADMIN_ROLES,
    nav: 'administration',
    element: <OrganizationsPage />,
  },
  {
    path: '/committee/admin/users',
    section: 'users',
    roles: COMMITTEE_ADMIN_ROLES,
    nav: 'administration',
    element: <UsersPage />,
  },
];

/**
 * Every page: a new page starts at the top, and back or forward returns to where the person was. Filter and sort
 * changes within a list keep the position (`preventScrollReset` in useListParams).
 */
function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

export function buildRoutes(sections: readonly AppSection[] = appSections): RouteObject[] {
  return [
    {
      element: <Root />,
      children: [
        { path: '/', element: <RootRedirectPage /> },
        { path: '/sign-in', element: <SignInPage /> },
        {
          element: <PublicLayout />,
          children: [{ path: '/public/requests', element: <PublicRequestsPage /> }],
        },
        {
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          children: sections.map((section) => ({
            path: section.path,
            element: <RoleGate roles={section.roles}>{section.element}</RoleGate>,
          })),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
