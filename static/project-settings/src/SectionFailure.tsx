import type { ResolverError } from '../../../src/contract/envelope';

/** A section's own read failed; the rest of the page still works. */
export function SectionFailure({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: ResolverError;
  onRetry: () => void;
}) {
  return (
    <div className="message message-error" role="alert">
      <p className="message-title">Ballast couldn’t load {what}</p>
      <p>{error.message}</p>
      {error.retryable && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
