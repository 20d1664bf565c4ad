import { call } from '../../shared/invoke';
import { loadIssueFrame } from '../../shared/issue-context';
import { useResolver } from '../../shared/use-resolver';
import { IssueContext } from './IssueContext';

async function loadView() {
  const { issueKey } = await loadIssueFrame();
  return call('issue/get', { issueKey });
}

/** The jira:issueContext module: the work type and DoD progress at a glance. */
export function App() {
  const { state, retry } = useResolver(loadView);
  return <IssueContext state={state} onRetry={retry} />;
}
