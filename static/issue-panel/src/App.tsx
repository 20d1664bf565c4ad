import { useEffect, useState } from 'react';
import type { AboutResponse } from '../../../src/contract/resolvers';
import { call, ResolverFailure } from '../../shared/invoke';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; about: AboutResponse }
  | { state: 'failed'; message: string };

/** The issue panel's first version: proves the bridge round trip and names the four work types. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    call('meta/about', {})
      .then((about) => setLoad({ state: 'ready', about }))
      .catch((error: unknown) =>
        setLoad({
          state: 'failed',
          message:
            error instanceof ResolverFailure
              ? error.message
              : 'Ballast could not reach its backend.',
        }),
      );
  }, []);

  if (load.state === 'loading') return <p aria-busy="true">Loading Ballast…</p>;
  if (load.state === 'failed') return <p role="alert">{load.message}</p>;
  return (
    <section aria-label="Ballast">
      <p>
        Ballast {load.about.version} balances work across: {load.about.workTypes.join(', ')}.
      </p>
    </section>
  );
}
