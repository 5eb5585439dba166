import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client';

export type Loaded<T> =
  | { state: 'loading'; data?: T; reload: () => void }
  | { state: 'error'; error: ApiError; data?: T; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/** Loads on mount and whenever `deps` change; `reload()` refetches while keeping the shown data. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<{ state: 'loading' | 'error' | 'ready'; data?: T; error?: ApiError }>({
    state: 'loading',
  });
  const generation = useRef(0);
  // `load` is a new closure every render; `deps` say when it means a different request.
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setResult((previous) => ({ state: previous.data === undefined ? 'loading' : previous.state, data: previous.data }));
    run().then(
      (data) => mine === generation.current && setResult({ state: 'ready', data }),
      (error: ApiError) =>
        mine === generation.current && setResult((previous) => ({ state: 'error', error, data: previous.data })),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...result, reload } as Loaded<T>;
}
