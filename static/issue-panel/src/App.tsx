import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { asResolverError } from '../../shared/format';
import { loadIssueFrame, type IssueFrame } from '../../shared/issue-context';
import { call } from '../../shared/invoke';
import { announceIssueChanged } from '../../shared/issue-events';
import { IssuePanel } from './IssuePanel';
import { panelActions } from './panel-actions';
import { initialPanelState, panelReducer } from './panel-state';
import { startedEarly } from '../../shared/first-load';

/**
 * The issue (the viewer, from the Forge context) and its Ballast view, asked for together as the
 * bundle runs (static/shared/first-load.ts): `issue/get` with no key reads the frame's own issue.
 */
const loadPanel = startedEarly(async () => {
  const [issue, view] = await Promise.all([loadIssueFrame(), call('issue/get', {})]);
  return { issue, view };
});

/** The jira:issuePanel module: loads the issue's Ballast view and wires the panel's controls. */
export function App() {
  const [state, dispatch] = useReducer(panelReducer, initialPanelState);
  const [frame, setFrame] = useState<IssueFrame | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    dispatch({ type: 'load' });
    (async () => {
      const { issue, view } = await loadPanel();
      if (!current) return;
      setFrame(issue);
      dispatch({ type: 'loaded', view, viewer: issue.accountId });
    })().catch((thrown: unknown) => {
      if (current) dispatch({ type: 'loadFailed', error: asResolverError(thrown) });
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const issueKey = frame?.issueKey ?? '';
  const actions = useMemo(
    () => panelActions(call, dispatch, issueKey, () => announceIssueChanged(issueKey)),
    [issueKey],
  );
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const dismiss = useCallback(() => dispatch({ type: 'dismissError' }), []);
  return <IssuePanel state={state} actions={actions} onRetry={retry} onDismissError={dismiss} />;
}
