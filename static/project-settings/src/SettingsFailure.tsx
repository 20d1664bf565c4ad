import type { ResolverError } from '../../../src/contract/envelope';
import { failureView } from '../../shared/format';

/** The settings could not be read: no access (say whom to ask) or a failure (Retry if it may help). */
export function SettingsFailure({ error, onRetry }: { error: ResolverError; onRetry: () => void }) {
  const failure = failureView(error);
  return (
    <main className="settings settings-failure">
      {failure.kind === 'denied' ? (
        <div className="message message-denied" role="alert">
          <p className="message-title">You don’t have access to this project’s Ballast settings</p>
          <p>{failure.message}</p>
          <p>Ask a Jira administrator to give you access to the project (Browse projects).</p>
        </div>
      ) : (
        <div className="message message-error" role="alert">
          <p className="message-title">Ballast couldn’t load the settings</p>
          <p>{failure.message}</p>
          {failure.retryable ? (
            <button type="button" className="button" onClick={onRetry}>
              Retry
            </button>
          ) : (
            <p>Reload the page; if it keeps failing, tell your Jira administrator.</p>
          )}
        </div>
      )}
    </main>
  );
}
