/**
 * Loading, failure and retry for one resolver read. The state machine is a pure reducer (tested in
 * Node); the hook only wires it to React and runs the load again when the person asks to retry.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ResolverError } from '../../src/contract/envelope';
import { asResolverError } from './format';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'failed'; readonly error: ResolverError };

export type LoadAction<T> =
  | { readonly type: 'start' }
  | { readonly type: 'loaded'; readonly data: T }
  | { readonly type: 'failed'; readonly error: ResolverError };

export function loadReducer<T>(_state: LoadState<T>, action: LoadAction<T>): LoadState<T> {
  switch (action.type) {
    case 'start':
      return { status: 'loading' };
    case 'loaded':
      return { status: 'ready', data: action.data };
    case 'failed':
      return { status: 'failed', error: action.error };
  }
}

/**
 * Runs `load` once and again on each `retry()` (showing loading); `refresh()` loads again quietly,
 * keeping what is shown until the new answer arrives. Answers of a superseded attempt are dropped.
 */
export function useResolver<T>(load: () => Promise<T>): {
  readonly state: LoadState<T>;
  readonly retry: () => void;
  readonly refresh: () => void;
} {
  const [state, dispatch] = useReducer(loadReducer<T>, { status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  useEffect(() => {
    let current = true;
    if (!attempt.quiet) dispatch({ type: 'start' });
    load().then(
      (data) => current && dispatch({ type: 'loaded', data }),
      (thrown: unknown) =>
        current && !attempt.quiet && dispatch({ type: 'failed', error: asResolverError(thrown) }),
    );
    return () => {
      current = false;
    };
    // `load` is read once per attempt on purpose: retry() is the way to load again.
  }, [attempt]);
  const retry = useCallback(() => setAttempt((a) => ({ n: a.n + 1, quiet: false })), []);
  const refresh = useCallback(() => setAttempt((a) => ({ n: a.n + 1, quiet: true })), []);
  return { state, retry, refresh };
}
