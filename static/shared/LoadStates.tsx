import type { ResolverError } from '../../src/contract/envelope';
import { failureView } from './format';
import { Skeleton, type SkeletonShape } from './Skeleton';

export type { SkeletonShape };

/**
 * Shown while the first answer is on its way: a skeleton shaped like the content (Skeleton.tsx),
 * announced politely as "Loading {what}…".
 */
export function Loading({ what, shape }: { what: string; shape: SkeletonShape }) {
  return <Skeleton what={what} shape={shape} />;
}

/**
 * The one error frame of every app: what failed ("Ballast couldn’t load …"), the backend's own
 * words, and what to do. When the backend says trying again can help (`retryable`: Jira busy or
 * down, a timeout), Retry runs the failed load again in place — no page reload — as the primary
 * action. When trying again at once cannot help (a bad request, no access), the frame says what to
 * do first, and Retry stays as a quiet second action for after that is done (a permission granted,
 * a setting fixed), so no error is a dead end. Text wraps at any width, so a 250 px column shows it
 * whole.
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
      <div className="message message-denied load-failure" role="alert">
        <p className="message-title">You don’t have access to {what} in Ballast</p>
        <p>{failure.message}</p>
        <p>Ask a Jira administrator for permission to browse this project.</p>
        <RetryAfterFix onRetry={onRetry} />
      </div>
    );
  return (
    <div className="message message-error load-failure" role="alert">
      <p className="message-title">Ballast couldn’t load {what}</p>
      <p>{failure.message}</p>
      {failure.retryable ? (
        <button type="button" className="button button-primary" onClick={onRetry}>
          Retry
        </button>
      ) : (
        <>
          <p>
            Trying again will not help until this is fixed: tell your Jira administrator what it
            says.
          </p>
          <RetryAfterFix onRetry={onRetry} />
        </>
      )}
    </div>
  );
}

/** The second action of an error that retrying at once will not fix: for after the fix. */
function RetryAfterFix({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="button button-subtle" onClick={onRetry}>
      Retry once that is done
    </button>
  );
}
