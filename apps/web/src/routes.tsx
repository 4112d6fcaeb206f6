import type { RouteObject } from 'react-router-dom';
import { RequireAuth, RoleGate } from './auth/current-user';
import { AGENCY_ROLES, ALL_ROLES, COMMITTEE_ADMIN_ROLES, COMMITTEE_ROLES, PROVIDER_ROLES } from './auth/roles';
import { AppLayout } from './layout/app.layout';
import { PublicLayout } from './layout/public.layout';
import type { AppSection } from './navigation';
import { AgencyHomePage } from './pages/agency-home.page';
import { ComingSoonPage } from './pages/coming-soon.page';
import { CommitteeHomePage } from './pages/committee-home.page';
import { EditRequestPage } from './pages/edit-request.page';
import { MyRequestsPage } from './pages/my-requests.page';
import { NewRequestPage } from './pages/new-request.page';
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

// The one table of signed-in pages. The navbar, the home-page cards and the role checks are all derived from
// it, so building a section means replacing its `ComingSoonPage` element with the real page, nothing else.
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
    element: <ComingSoonPage section="matches" />,
  },
  {
    path: '/committee/reports',
    section: 'reports',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <ComingSoonPage section="reports" />,
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
    element: <ComingSoonPage section="providerMatches" />,
  },

  // Everyone signed in
  {
    path: '/notifications',
    section: 'notifications',
    roles: ALL_ROLES,
    nav: 'main',
    element: <ComingSoonPage section="notifications" />,
  },

  // Committee administration
  {
    path: '/committee/admin/organisations',
    section: 'organisations',
    roles: COMMITTEE_ADMIN_ROLES,
    nav: 'administration',
    element: <ComingSoonPage section="organisations" />,
  },
  {
    path: '/committee/admin/users',
    section: 'users',
    roles: COMMITTEE_ADMIN_ROLES,
    nav: 'administration',
    element: <ComingSoonPage section="users" />,
  },
];

export function buildRoutes(sections: readonly AppSection[] = appSections): RouteObject[] {
  return [
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
  ];
}
