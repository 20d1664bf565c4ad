import type { ResolverError } from '../../../src/contract/envelope';
import { failureView } from '../../shared/format';

/**
 * A failed load, in the planner's words: no access says whom to ask; other failures show the
 * backend's message with Retry when trying again can help.
 */
export function PlannerFailure({
  error,
  what,
  onRetry,
}: {
  error: ResolverError;
  what: string;
  onRetry: () => void;
}) {
  const failure = failureView(error);
  if (failure.kind === 'denied')
    return (
      <div className="message message-denied" role="alert">
        <p className="message-title">You don’t have access to {what}</p>
        <p>{failure.message}</p>
        <p>Ask a Jira administrator for permission to browse this project and its board.</p>
      </div>
    );
  return (
    <div className="message message-error" role="alert">
      <p className="message-title">Ballast couldn’t load {what}</p>
      <p>{failure.message}</p>
      {failure.retryable ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : (
        <p>Reload the page; if it keeps failing, tell your Jira administrator.</p>
      )}
    </div>
  );
}
