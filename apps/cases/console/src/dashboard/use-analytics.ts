import { useEffect, useState } from 'preact/hooks';
import type { ConsoleApi } from '../console-api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/** GETs `url` from the analytics API whenever it (or `reload`) changes; an answer to an older request is dropped. */
export function useAnalytics<T>(api: ConsoleApi, url: string, reload: number): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api.get<T>(url).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [api, url, reload]);
  return state;
}
