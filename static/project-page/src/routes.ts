/** The project page's subpages, as manifest.yml's `jira:projectPage` `pages` declare them. */
export const SUBPAGES = [
  { route: '/', title: 'Overview', key: 'project/overview' },
  { route: '/slos', title: 'SLOs', key: 'project/slos' },
  { route: '/capacity', title: 'Capacity', key: 'project/capacity' },
  { route: '/delivery', title: 'Delivery', key: 'project/delivery' },
  { route: '/toil-debt', title: 'Toil & debt', key: 'project/toilDebt' },
  { route: '/incidents', title: 'Incidents', key: 'project/incidents' },
  { route: '/review', title: 'Review', key: 'project/review' },
] as const;

export type Subpage = (typeof SUBPAGES)[number];

/** The subpage of a route; unknown routes show the overview. */
export function subpageOf(pathname: string): Subpage {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return SUBPAGES.find((page) => page.route === clean) ?? SUBPAGES[0];
}
