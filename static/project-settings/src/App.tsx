import { call } from '../../shared/invoke';
import { startedEarly } from '../../shared/first-load';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { SettingsFailure } from './SettingsFailure';
import { SettingsPage } from './SettingsPage';

/** Asked for as the bundle runs, before React renders (static/shared/first-load.ts). */
const loadSettings = startedEarly(() => call('settings/get', {}));

/** The jira:projectSettingsPage module: the project comes from Jira's context, read by the resolvers. */
export function App() {
  const { state, retry } = useResolver(loadSettings);
  if (state.status === 'loading') return <Loading what="Ballast settings" shape="settings" />;
  if (state.status === 'failed') return <SettingsFailure error={state.error} onRetry={retry} />;
  return <SettingsPage initial={state.data} call={call} />;
}
