/**
 * Each subpage's view but the overview is a chunk of its own, loaded with the subpage's figures
 * (at the same time, App.tsx), so the first render carries only the subpage it shows: the charts
 * (visx, d3) come with the subpages that draw them (bench/ui-bundles.bench.ts). The overview —
 * the page Jira opens first, and chart-free — is in the page's own bundle (~3 KB gzipped), so
 * its first render waits for no second request.
 * A subpage added to routes.ts gets its view here; the type makes the entry required.
 */
import type { ReactNode } from 'react';
import type {
  CapacityData,
  DeliveryData,
  IncidentsData,
  OverviewData,
  SlosData,
  ToilDebtData,
} from '../../../src/contract/project-page';
import { OverviewPage } from './OverviewPage';
import type { PageData } from './ProjectPage';
import type { Subpage } from './routes';

/** Draws a subpage's figures (the backend's answer for its route). */
export type SubpageBody = (data: PageData) => ReactNode;

const VIEWS: Record<Subpage['key'], () => Promise<SubpageBody>> = {
  'project/overview': () => Promise.resolve((data) => <OverviewPage data={data as OverviewData} />),
  'project/slos': () =>
    import('./SlosPage').then(({ SlosPage }) => (data) => <SlosPage data={data as SlosData} />),
  'project/capacity': () =>
    import('./CapacityPage').then(({ CapacityPage }) => (data) => (
      <CapacityPage data={data as CapacityData} />
    )),
  'project/delivery': () =>
    import('./DeliveryPage').then(({ DeliveryPage }) => (data) => (
      <DeliveryPage data={data as DeliveryData} />
    )),
  'project/toilDebt': () =>
    import('./ToilDebtPage').then(({ ToilDebtPage }) => (data) => (
      <ToilDebtPage data={data as ToilDebtData} />
    )),
  'project/incidents': () =>
    import('./IncidentsPage').then(({ IncidentsPage }) => (data) => (
      <IncidentsPage data={data as IncidentsData} />
    )),
  // The Review loads itself, with its own chunk and its sprint picker (App.tsx ReviewSubpage).
  'project/review': () => Promise.resolve(() => null),
};

export function loadSubpageBody(subpage: Subpage): Promise<SubpageBody> {
  return VIEWS[subpage.key]();
}
