import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet, ScrollRestoration, type RouteObject } from './router';
import { RoleGate } from './auth/current-user';
import { AGENCY_ROLES, ALL_ROLES, COMMITTEE_ADMIN_ROLES, COMMITTEE_ROLES, PROVIDER_ROLES } from './auth/roles';
import type { AppSection } from './navigation';
import { FullPageLoader, PageLoader } from './components/full-page-loader';
import { loadSections } from './i18n';

/**
 * A page's code, loaded the first time someone opens it: the first visit downloads the app's frame and the one page
 * it shows, not every page (route-level code splitting; docs/performance.md has the budget and its test). With the
 * catalogue up to `sections` (src/i18n/parts.ts): its words are there when the page first renders.
 */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  sections: 'frame' | 'rest' = 'rest',
) {
  return lazy(() => Promise.all([load(), loadSections(sections)]).then(([module]) => ({ default: module[name] })));
}

/** The signed-in frame and the role home pages, where a person lands on signing in: their words are the `frame` part. */
const landingPage = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  page(load, name, 'frame');

/**
 * The sign-in page, and `/` on its way there, use the catalogue's first part alone, which the entry fetched before the
 * first render.
 */
function firstPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// The frames too: the sign-in page needs neither.
const SignedInFrame = landingPage(() => import('./layout/app.layout'), 'SignedInFrame');
const PublicLayout = page(() => import('./layout/public.layout'), 'PublicLayout');
const ActionPlansPage = page(() => import('./pages/action-plans.page'), 'ActionPlansPage');
const ActionPlanPage = page(() => import('./pages/action-plans.page'), 'ActionPlanPage');
const StateTimelinePage = page(() => import('./pages/state-timeline.page'), 'StateTimelinePage');
const EngagementsPage = page(() => import('./pages/engagements.page'), 'EngagementsPage');
const EngagementPage = page(() => import('./pages/engagements.page'), 'EngagementPage');
const AgencyHomePage = landingPage(() => import('./pages/agency-home.page'), 'AgencyHomePage');
const AllocationPlanPage = page(() => import('./pages/allocation-plan.page'), 'AllocationPlanPage');
const OrganizationsPage = page(() => import('./pages/organizations.page'), 'OrganizationsPage');
const UsersPage = page(() => import('./pages/users.page'), 'UsersPage');
const CommitteeHomePage = landingPage(() => import('./pages/committee-home.page'), 'CommitteeHomePage');
const DeliveriesPage = page(() => import('./pages/deliveries.page'), 'DeliveriesPage');
const EditRequestPage = page(() => import('./pages/edit-request.page'), 'EditRequestPage');
const MailboxPage = page(() => import('./pages/mailbox.page'), 'MailboxPage');
const AgencyMatchesPage = page(() => import('./pages/matches-list.page'), 'AgencyMatchesPage');
const CommitteeMatchesPage = page(() => import('./pages/matches-list.page'), 'CommitteeMatchesPage');
const ProviderMatchesPage = page(() => import('./pages/matches-list.page'), 'ProviderMatchesPage');
const MatchingWeightsPage = page(() => import('./pages/matching-weights.page'), 'MatchingWeightsPage');
const MyFiguresPage = page(() => import('./pages/my-figures.page'), 'MyFiguresPage');
const MyRequestsPage = page(() => import('./pages/my-requests.page'), 'MyRequestsPage');
const NewRequestPage = page(() => import('./pages/new-request.page'), 'NewRequestPage');
const NotificationPreferencesPage = page(
  () => import('./pages/notification-preferences.page'),
  'NotificationPreferencesPage',
);
const NotificationsPage = page(() => import('./pages/notifications.page'), 'NotificationsPage');
const OfferDetailPage = page(() => import('./pages/offer-detail.page'), 'OfferDetailPage');
const EditOfferPage = page(() => import('./pages/offer-form.page'), 'EditOfferPage');
const NewOfferPage = page(() => import('./pages/offer-form.page'), 'NewOfferPage');
const CommitteeOffersPage = page(() => import('./pages/offers-list.page'), 'CommitteeOffersPage');
const MyOffersPage = page(() => import('./pages/offers-list.page'), 'MyOffersPage');
const NotFoundPage = page(() => import('./pages/not-found.page'), 'NotFoundPage');
const ProviderHomePage = landingPage(() => import('./pages/provider-home.page'), 'ProviderHomePage');
const PublicRequestsPage = page(() => import('./pages/public-requests.page'), 'PublicRequestsPage');
const RequestDetailPage = page(() => import('./pages/request-detail.page'), 'RequestDetailPage');
const CirculatedRequestsPage = page(() => import('./pages/requests-list.page'), 'CirculatedRequestsPage');
const CommitteeRequestsPage = page(() => import('./pages/requests-list.page'), 'CommitteeRequestsPage');
const ReviewQueuePage = page(() => import('./pages/review-queue.page'), 'ReviewQueuePage');
const RootRedirectPage = firstPage(() => import('./pages/root-redirect.page'), 'RootRedirectPage');
const SignInPage = firstPage(() => import('./pages/sign-in.page'), 'SignInPage');
// The dashboard alone needs ECharts: it, and the charts, load when someone opens it.
const ContactsPage = page(() => import('./pages/contacts.page'), 'ContactsPage');
const ReportsPage = page(() => import('./pages/reports.page'), 'ReportsPage');

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
    path: '/committee/action-plans',
    section: 'actionPlans',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <ActionPlansPage />,
  },
  {
    path: '/committee/action-plans/:id',
    section: 'actionPlanDetail',
    roles: COMMITTEE_ROLES,
    nav: 'none',
    element: <ActionPlanPage />,
  },
  {
    path: '/committee/states/:state/timeline',
    section: 'stateTimeline',
    roles: COMMITTEE_ROLES,
    nav: 'none',
    element: <StateTimelinePage />,
  },
  {
    path: '/committee/engagements',
    section: 'engagements',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <EngagementsPage />,
  },
  {
    path: '/committee/engagements/:id',
    section: 'engagementDetail',
    roles: COMMITTEE_ROLES,
    nav: 'none',
    element: <EngagementPage />,
  },
  {
    path: '/committee/reports',
    section: 'reports',
    roles: COMMITTEE_ROLES,
    nav: 'main',
    element: <ReportsPage />,
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
    path: '/agency/action-plans',
    section: 'actionPlans',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <ActionPlansPage />,
  },
  {
    path: '/agency/action-plans/:id',
    section: 'actionPlanDetail',
    roles: AGENCY_ROLES,
    nav: 'none',
    element: <ActionPlanPage />,
  },
  {
    path: '/agency/states/:state/timeline',
    section: 'stateTimeline',
    roles: AGENCY_ROLES,
    nav: 'none',
    element: <StateTimelinePage />,
  },
  {
    path: '/agency/engagements',
    section: 'engagements',
    roles: AGENCY_ROLES,
    nav: 'main',
    element: <EngagementsPage />,
  },
  {
    path: '/agency/engagements/:id',
    section: 'engagementDetail',
    roles: AGENCY_ROLES,
    nav: 'none',
    element: <EngagementPage />,
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
    path: '/provider/action-plans',
    section: 'actionPlans',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <ActionPlansPage />,
  },
  {
    path: '/provider/action-plans/:id',
    section: 'actionPlanDetail',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <ActionPlanPage />,
  },
  {
    path: '/provider/states/:state/timeline',
    section: 'stateTimeline',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <StateTimelinePage />,
  },
  {
    path: '/provider/engagements',
    section: 'engagements',
    roles: PROVIDER_ROLES,
    nav: 'main',
    element: <EngagementsPage />,
  },
  {
    path: '/provider/engagements/:id',
    section: 'engagementDetail',
    roles: PROVIDER_ROLES,
    nav: 'none',
    element: <EngagementPage />,
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
    path: '/contacts',
    section: 'contacts',
    roles: ALL_ROLES,
    nav: 'main',
    element: <ContactsPage />,
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
      <Suspense fallback={<FullPageLoader />}>
        <Outlet />
      </Suspense>
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
          element: <SignedInFrame />,
          children: sections.map((section) => ({
            path: section.path,
            // While a page's code loads, the frame stays and the page area shows a loader.
            element: (
              <Suspense fallback={<PageLoader />}>
                <RoleGate roles={section.roles}>{section.element}</RoleGate>
              </Suspense>
            ),
          })),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
