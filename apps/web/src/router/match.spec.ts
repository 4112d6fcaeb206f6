import { branchesOf, matchPath, matchRoutes, type RouteObject } from './match';

describe('matchPath', () => {
  it('takes parameters from their parts, decoded', () => {
    expect(matchPath('/committee/requests/:id', '/committee/requests/abc-1')).toEqual({ params: { id: 'abc-1' } });
    expect(
      matchPath('/committee/states/:state/timeline', '/committee/states/C%C3%B4te%20d%E2%80%99Ivoire/timeline'),
    ).toEqual({
      params: { state: 'Côte d’Ivoire' },
    });
  });

  it('matches whole addresses only, ignoring case and a trailing slash', () => {
    expect(matchPath('/committee/requests', '/committee/requests/abc')).toBeNull();
    expect(matchPath('/committee/requests/:id', '/committee/requests')).toBeNull();
    expect(matchPath('/committee/requests', '/Committee/Requests/')).toEqual({ params: {} });
    expect(matchPath('/', '/')).toEqual({ params: {} });
    expect(matchPath('/', '/sign-in')).toBeNull();
  });

  it('gives `*` the rest of the address', () => {
    expect(matchPath('*', '/no/such/page')).toEqual({ params: { '*': 'no/such/page' } });
    expect(matchPath('*', '/')).toEqual({ params: { '*': '' } });
  });

  it('keeps a malformed escape as typed rather than failing', () => {
    expect(matchPath('/agency/requests/:id', '/agency/requests/%E0%A4%A')).toEqual({ params: { id: '%E0%A4%A' } });
  });
});

describe('matchRoutes', () => {
  const layout: RouteObject = { element: 'frame' };
  const routes: RouteObject[] = [
    {
      element: 'root',
      children: [
        { path: '/sign-in', element: 'sign-in' },
        {
          ...layout,
          children: [
            { path: '/agency/requests/:id', element: 'detail' },
            { path: '/agency/requests/new', element: 'new' },
            { path: '/agency/requests/:id/edit', element: 'edit' },
          ],
        },
        { path: '*', element: 'not found' },
      ],
    },
  ];
  const branches = branchesOf(routes);
  const elements = (pathname: string) => matchRoutes(branches, pathname)?.routes.map((route) => route.element);

  it('gives the page with its layouts, outermost first', () => {
    expect(elements('/agency/requests/r1')).toEqual(['root', 'frame', 'detail']);
    expect(matchRoutes(branches, '/agency/requests/r1/edit')?.params).toEqual({ id: 'r1' });
    expect(elements('/sign-in')).toEqual(['root', 'sign-in']);
  });

  it('prefers a fixed part to a parameter whatever the table order, and `*` last', () => {
    expect(elements('/agency/requests/new')).toEqual(['root', 'frame', 'new']);
    expect(elements('/agency/elsewhere')).toEqual(['root', 'not found']);
  });

  it('finds nothing without a catch-all', () => {
    expect(matchRoutes(branchesOf([{ path: '/a', element: 'a' }]), '/b')).toBeNull();
  });
});
