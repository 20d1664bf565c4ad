import { useCallback } from 'react';
import { call } from '../../shared/invoke';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { SettingsFailure } from './SettingsFailure';
import { SettingsPage } from './SettingsPage';

/** The jira:projectSettingsPage module: the project comes from Jira's context, read by the resolvers. */
export function App() {
  const load = useCallback(() => call('settings/get', {}), []);
  const { state, retry } = useResolver(load);
  if (state.status === 'loading') return <Loading what="Ballast settings" shape="settings" />;
  if (state.status === 'failed') return <SettingsFailure error={state.error} onRetry={retry} />;
  return <SettingsPage initial={state.data} call={call} />;
}
