import { useEffect } from 'react';
import { call } from '../../shared/invoke';
import { onIssueChanged } from '../../shared/issue-events';
import { useResolver } from '../../shared/use-resolver';
import { startedEarly } from '../../shared/first-load';
import { IssueContext } from './IssueContext';

/**
 * Started as the bundle runs, before React renders (static/shared/first-load.ts); with no key,
 * `issue/get` reads the frame's own issue, so it need not wait for the Forge context.
 */
const loadView = startedEarly(() => call('issue/get', {}));

/** The jira:issueContext module: the category and DoD progress at a glance. */
export function App() {
  const { state, retry, refresh } = useResolver(loadView);
  const issueKey = state.status === 'ready' ? state.data.issueKey : undefined;
  // The issue panel on the same page changed the issue: show the new figures.
  useEffect(
    () => (issueKey === undefined ? undefined : onIssueChanged(issueKey, refresh)),
    [issueKey, refresh],
  );
  return <IssueContext state={state} onRetry={retry} />;
}
