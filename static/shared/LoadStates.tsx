import type { ResolverError } from '../../src/contract/envelope';
import { failureView } from './format';

/** Shown while the first answer is on its way (announced politely to screen readers). */
export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

/**
 * A failed load: permission problems say the user lacks access (and whom to ask); other failures
 * show the backend's message, with Retry only when trying again can help.
 */
export function LoadFailure({
  error,
  onRetry,
  what = 'this issue',
}: {
  error: ResolverError;
  onRetry: () => void;
  /** What failed to load, as in "Ballast couldn’t load …" (default: this issue). */
  what?: string;
}) {
  const failure = failureView(error);
  if (failure.kind === 'denied')
    return (
      <div className="message message-denied" role="alert">
        <p className="message-title">You don’t have access to {what} in Ballast</p>
        <p>{failure.message}</p>
        <p>Ask a Jira administrator for permission to browse this project.</p>
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
