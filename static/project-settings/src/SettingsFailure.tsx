import type { ResolverError } from '../../../src/contract/envelope';
import { LoadFailure } from '../../shared/LoadStates';

/** The settings could not be read: the shared failure view (no access says whom to ask; Retry when it may help). */
export function SettingsFailure({ error, onRetry }: { error: ResolverError; onRetry: () => void }) {
  return (
    <main className="settings settings-failure">
      <LoadFailure error={error} onRetry={onRetry} what="this project’s settings" />
    </main>
  );
}
