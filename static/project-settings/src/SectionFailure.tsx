import type { ResolverError } from '../../../src/contract/envelope';
import { LoadFailure } from '../../shared/LoadStates';

/**
 * A section's own read failed; the rest of the page still works. The shared failure view: no access
 * says whom to ask, other failures show the backend's message with Retry when it may help.
 */
export function SectionFailure({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: ResolverError;
  onRetry: () => void;
}) {
  return <LoadFailure error={error} onRetry={onRetry} what={what} />;
}
