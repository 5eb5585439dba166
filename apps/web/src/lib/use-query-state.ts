import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A filter kept in the URL's query string, so a reload, a bookmark or a shared link shows the same view.
 * The default value stays out of the URL; an empty choice ("any") is kept as `name=` when the default is not empty.
 */
export function useQueryState<T extends string>(name: string, fallback: T): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const value = (params.get(name) ?? fallback) as T;
  const setValue = useCallback(
    (next: T) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === fallback) updated.delete(name);
          else updated.set(name, next);
          return updated;
        },
        // Typing in a filter should not fill the history with one entry per keystroke.
        { replace: true },
      ),
    [name, fallback, setParams],
  );
  return [value, setValue];
}
