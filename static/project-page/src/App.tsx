/**
 * The jira:projectPage module: follows the subpage route (Forge's history for project page
 * subpages), loads that subpage's figures, asks for a recompute on Refresh, and reloads quietly
 * while a recompute is running.
 */
import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../shared/invoke';
import { useResolver } from '../../shared/use-resolver';
import { ProjectPage, type PageData } from './ProjectPage';
import { subpageOf } from './routes';
import type { SnapshotAnswer } from '../../../src/contract/project-page';

type History = Awaited<ReturnType<typeof view.createHistory>>;

/** While a recompute runs, look again this often. */
const POLL_MS = 3000;

function SubpageView({ route, navigate }: { route: string; navigate: (route: string) => void }) {
  const subpage = subpageOf(route);
  const { state, retry, refresh } = useResolver<SnapshotAnswer<PageData>>(() =>
    call(subpage.key, {}),
  );
  const [requesting, setRequesting] = useState(false);
  const busy =
    state.status === 'ready' && (state.data.status === 'pending' || state.data.meta.refreshing);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(refresh, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, state, refresh]);
  const onRefresh = useCallback(() => {
    setRequesting(true);
    call('project/refresh', {})
      .catch(() => undefined) // the next load shows any problem
      .finally(() => {
        setRequesting(false);
        refresh();
      });
  }, [refresh]);
  return (
    <ProjectPage
      subpage={subpage}
      state={state}
      now={Date.now()}
      onRetry={retry}
      refresh={{ onRefresh, requesting }}
      onNavigate={navigate}
    />
  );
}

export function App() {
  const [history, setHistory] = useState<History | undefined>(undefined);
  const [route, setRoute] = useState('/');
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    view
      .createHistory()
      .then((created) => {
        setHistory(created);
        setRoute(created.location.pathname);
        unlisten = created.listen((location) => setRoute(location.pathname));
      })
      .catch(() => undefined); // outside Jira: the tabs still switch subpages locally
    return () => unlisten?.();
  }, []);
  const navigate = useCallback(
    (next: string) => {
      if (history) history.push(next);
      else setRoute(next);
    },
    [history],
  );
  // One view per route, so each subpage starts from its own loading state.
  return <SubpageView key={route} route={route} navigate={navigate} />;
}
