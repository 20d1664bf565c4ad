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

/** Runs `load` once and again on each `retry()`; answers of a superseded attempt are dropped. */
export function useResolver<T>(load: () => Promise<T>): {
  readonly state: LoadState<T>;
  readonly retry: () => void;
} {
  const [state, dispatch] = useReducer(loadReducer<T>, { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    dispatch({ type: 'start' });
    load().then(
      (data) => current && dispatch({ type: 'loaded', data }),
      (thrown: unknown) => current && dispatch({ type: 'failed', error: asResolverError(thrown) }),
    );
    return () => {
      current = false;
    };
    // `load` is read once per attempt on purpose: retry() is the way to load again.
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
