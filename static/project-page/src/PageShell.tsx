/**
 * What every subpage shares: the load states (loading, failed with Retry when it can help and no
 * access are the shared LoadStates views; the first computation pending is the page's own) and
 * the freshness line with a Refresh button.
 */
import type { ReactNode } from 'react';
import type { SnapshotAnswer, SnapshotMeta } from '../../../src/contract/project-page';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import type { LoadState } from '../../shared/use-resolver';
import { formatAge } from './format';

export interface RefreshControl {
  readonly onRefresh: () => void;
  /** True while a refresh request is on its way to the backend. */
  readonly requesting: boolean;
}

export function Freshness({
  meta,
  now,
  refresh,
}: {
  meta: SnapshotMeta;
  now: number;
  refresh?: RefreshControl | undefined;
}) {
  return (
    <div className="freshness" role="status" aria-live="polite">
      <span className={meta.stale ? 'freshness-stale' : 'subtle'}>
        {meta.computedAt === null
          ? 'Not computed yet.'
          : `Figures computed ${formatAge(meta.computedAt, now)}${meta.stale ? ' — out of date' : ''}.`}
        {meta.refreshing ? ' Recomputing now…' : ''}
      </span>
      {refresh ? (
        <button
          type="button"
          className="button button-subtle"
          onClick={refresh.onRefresh}
          disabled={meta.refreshing || refresh.requesting}
        >
          {meta.refreshing || refresh.requesting ? 'Refreshing…' : 'Refresh'}
        </button>
      ) : null}
      {meta.lastError ? (
        <p className="message message-warning freshness-error" role="alert">
          {meta.lastError}
        </p>
      ) : null}
    </div>
  );
}

export function PageShell<T>({
  title,
  state,
  now,
  onRetry,
  refresh,
  children,
}: {
  title: string;
  state: LoadState<SnapshotAnswer<T>>;
  now: number;
  onRetry: () => void;
  /** Absent where the figures are not the metrics snapshot (SLOs). */
  refresh?: RefreshControl | undefined;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading')
    return <Loading what={title.toLowerCase()} shape="project-subpage" />;
  if (state.status === 'failed')
    return <LoadFailure error={state.error} onRetry={onRetry} what="this project’s metrics" />;
  const answer = state.data;
  if (answer.status === 'pending' && answer.meta.lastError) {
    // The first computation failed; the page keeps asking and shows the figures once one succeeds.
    return (
      <div className="message message-warning" role="alert">
        <p className="message-title">Ballast couldn’t compute this project’s metrics yet</p>
        <p>{answer.meta.lastError}</p>
        <p>It tries again by itself every few minutes.</p>
      </div>
    );
  }
  if (answer.status === 'pending') {
    return (
      <div className="state state-loading" role="status" aria-live="polite" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        Ballast is computing this project’s metrics for the first time. This takes a minute; the
        page updates by itself.
      </div>
    );
  }
  return (
    <>
      <Freshness meta={answer.meta} now={now} refresh={refresh} />
      {children(answer.data)}
    </>
  );
}
